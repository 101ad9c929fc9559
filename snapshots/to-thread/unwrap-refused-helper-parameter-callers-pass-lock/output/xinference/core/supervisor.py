import asyncio
from typing import Any, Optional

from xinference.core.launch_history_store import LaunchHistoryStore


class SupervisorActor:
    def __init__(self, history_path: str) -> None:
        self._launch_history_store = LaunchHistoryStore(history_path)

    async def _run_in_executor(self, func, *args: Any):
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, func, *args)

    async def list_autostart(self, username: Optional[str] = None):
        raw_entries = await self._run_in_executor(
            self._launch_history_store.list_autostart, username
        )
        return [e for e in raw_entries if e.get("enabled")]

    async def remove_autostart(self, model_uid: str) -> None:
        await self._run_in_executor(
            self._launch_history_store.remove_autostart, model_uid
        )


def _sum_sizes(sizes):
    return sum(sizes)


async def _in_thread(fn, *args):
    # Every caller passes a pure helper of this file.
    return fn(*args)


async def total_size(sizes: list[int]) -> int:
    return await _in_thread(_sum_sizes, sizes)
