import logging
from typing import Optional

from frigate.ptz.onvif import OnvifController

logger = logging.getLogger(__name__)


class MotionEstimator:
    async def reset(self, camera: str) -> None:
        logger.debug("reset %s", camera)


class PtzAutoTracker:
    def __init__(self, onvif: OnvifController, stats: Optional[dict] = None) -> None:
        self.onvif = onvif
        self.estimator = MotionEstimator()
        self.stats = stats
        self.cache = None

    async def _autotracker_setup(self, camera: str) -> None:
        if not self.onvif._init_onvif(camera):  # never runs, and never false
            logger.warning("Unable to initialize onvif for %s", camera)
            return
        self.estimator.reset(camera)

    # Not reported: a plain def of the class, and attributes the class does not pin down.
    def status(self, camera: str) -> dict:
        if not self.onvif.get_camera_status(camera):
            return {}
        return self.stats or {}

    async def refresh(self, camera: str) -> None:
        self.cache.refresh(camera)
