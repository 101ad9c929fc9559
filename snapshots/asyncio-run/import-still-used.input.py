import asyncio

from .clients import fetch


def load(url):
    return asyncio.run(fetch(url))


async def with_timeout(url):
    return await asyncio.wait_for(fetch(url), timeout=5)
