from __future__ import annotations

import nodriver


async def get_nodriver(proxy: str = None, timeout: int = 300, user_data_dir: str = "nodriver"):
    browser = await nodriver.start(
        user_data_dir=user_data_dir,
        browser_args=None if proxy is None else [f"--proxy-server={proxy}"],
    )

    async def on_stop():
        try:
            if browser.connection:
                await browser.stop()
        except Exception:
            pass

    def release_lock():
        # Sync: the lock file is removed at once.
        pass

    return browser, on_stop, release_lock


async def get_session_and_closer(url: str):
    """Returns a different callable on each path: not one coroutine function."""
    session = await nodriver.start()

    async def close_async():
        await session.stop()

    def close_sync():
        session.stop_sync()

    if url.startswith("https://"):
        return session, close_async
    return session, close_sync
