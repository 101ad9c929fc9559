import asyncio


class OnvifController:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.cams: dict[str, dict] = {}

    async def _init_onvif(self, camera_name: str) -> bool:
        return camera_name in self.cams

    def get_camera_status(self, camera_name: str) -> dict:
        return self.cams.get(camera_name, {})
