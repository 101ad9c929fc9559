import asyncio

from .clients import fetch


async def handler(url):
    def blocking():
        return asyncio.run(fetch(url))

    return await asyncio.to_thread(blocking)


def outer(url):
    async def inner():
        return asyncio.run(fetch(url))

    return inner
