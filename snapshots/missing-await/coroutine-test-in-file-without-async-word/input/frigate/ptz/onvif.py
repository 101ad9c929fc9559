import asyncio


class OnvifController:
    def __init__(self) -> None:
        self.cams: dict[str, dict] = {}
        self.loop = asyncio.new_event_loop()

    async def _init_onvif(self, camera_name: str) -> bool:
        await asyncio.sleep(0)
        return camera_name in self.cams


async def camera_allowed(camera_name: str) -> bool:
    return not camera_name.startswith("_")
