import asyncio

from pkg import profiles


class SkyvernBrowser:
    def __init__(self, profile: profiles.LocalBrowserProfile | None, user_data_dir: str | None):
        self._local_browser_profile = profile
        self._local_user_data_dir = user_data_dir

    async def close(self) -> None:
        deleted = await asyncio.to_thread(
            profiles.cleanup_local_browser_profile,
            self._local_browser_profile or self._local_user_data_dir,
        )
        if not deleted:
            print("cleanup deferred")
