import asyncio
import logging

logger = logging.getLogger(__name__)


class PtzAutoTracker:
    def __init__(self, onvif_loop: asyncio.AbstractEventLoop) -> None:
        # The ONVIF clients live on this loop, which runs in its own thread.
        self.onvif_loop = onvif_loop
        self.calibrating = {}

    async def _autotracker_setup(self, camera_config: dict, camera: str) -> bool:
        self.calibrating[camera] = False
        return True

    async def _calibrate_camera(self, camera: str) -> None:
        self.calibrating[camera] = True

    def calibrate(self, camera: str) -> None:
        asyncio.run_coroutine_threadsafe(self._calibrate_camera(camera), self.onvif_loop).result()

    def autotrack_object(self, camera_config: dict, camera: str) -> None:
        if camera not in self.calibrating:
            self._autotracker_setup(camera_config, camera)  # never runs
