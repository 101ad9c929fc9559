from asyncio import sleep

from asgiref.sync import async_to_sync

from .clients import fetch


def load(url):
    return async_to_sync(fetch)(url)


async def pause():
    await sleep(1)
