import asyncio

from g4f.requests import get_nodriver, get_session_and_closer


class GoogleSearch:
    url = "https://www.google.com"

    @classmethod
    async def search(cls, query: str, proxy: str = None) -> str:
        browser, stop_browser, release = None, None, None
        try:
            browser, stop_browser, release = await get_nodriver(proxy=proxy, timeout=30)
            tab = await browser.get(cls.url)
            element = await tab.wait_for("textarea")
            await element.send_keys(query)
            await asyncio.sleep(1)
            return await tab.get_content()
        finally:
            if stop_browser is not None:
                stop_browser()  # the browser must not outlive the search
            if release is not None:
                release()

    @classmethod
    async def search_closed(cls, query: str) -> None:
        browser, stop_browser, _ = await get_nodriver()
        try:
            await browser.get(f"{cls.url}/search?q={query}")
        finally:
            await stop_browser()

    @classmethod
    async def search_either(cls, url: str) -> None:
        session, close = await get_session_and_closer(url)
        close()


async def open_local(cache: dict) -> None:
    """A name bound to something else too is not proven a coroutine function."""
    browser, stop = await get_nodriver()
    if cache.get("shared"):
        stop = cache["stop"]
    stop()


async def _local_browser():
    async def shutdown():
        await asyncio.sleep(0)

    return object(), shutdown


async def scrape_once() -> None:
    page, shutdown = await _local_browser()
    shutdown()
