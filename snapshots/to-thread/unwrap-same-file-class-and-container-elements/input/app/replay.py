import asyncio
import logging

from app.jobs.runner import wait_for_runner

logger = logging.getLogger(__name__)


class DebugReplayManager:
    """Owns the replay camera; stopped from the API and from the watchdog."""

    def __init__(self) -> None:
        self.active = False

    def stop(self, frigate_config: dict, config_publisher=None) -> None:
        # Waits for the runner thread (another file) before tearing the camera down.
        wait_for_runner(timeout=2.0)
        self.active = False

    def status(self) -> dict:
        return {"active": self.active}


async def debug_replay_auto_stop_watchdog(manager: DebugReplayManager, frigate_config: dict) -> None:
    while True:
        await asyncio.sleep(60)
        await asyncio.to_thread(
            manager.stop,
            frigate_config=frigate_config,  # the running config
            config_publisher=None,
        )


async def replay_status(manager: "DebugReplayManager | None" = None) -> dict:
    current = DebugReplayManager() if manager is None else manager
    return await asyncio.to_thread(current.status)


async def replay_status_annotated(manager: DebugReplayManager) -> dict:
    # Reads a flag: nothing here waits, so it can run on the loop.
    return await asyncio.to_thread(manager.status)
