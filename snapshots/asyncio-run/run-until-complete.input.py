import asyncio

from .clients import fetch


def via_loop(url):
    loop = asyncio.get_event_loop()
    return loop.run_until_complete(fetch(url))


def via_get_event_loop(url):
    return asyncio.get_event_loop().run_until_complete(fetch(url))


async def in_async(url):
    return await fetch(url)


if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(fetch("https://example.com"))
