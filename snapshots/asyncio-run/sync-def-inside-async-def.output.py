import asyncio

from asgiref.sync import async_to_sync

from .clients import fetch


async def handler(url):
    def blocking():
        return async_to_sync(fetch)(url)

    return await asyncio.to_thread(blocking)


def outer(url):
    async def inner():
        return asyncio.run(fetch(url))

    return inner
