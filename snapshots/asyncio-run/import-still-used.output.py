import asyncio

from asgiref.sync import async_to_sync

from .clients import fetch


def load(url):
    return async_to_sync(fetch)(url)


async def with_timeout(url):
    return await asyncio.wait_for(fetch(url), timeout=5)
