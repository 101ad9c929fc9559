from asyncio import run, sleep

from .clients import fetch


def load(url):
    return run(fetch(url))


async def pause():
    await sleep(1)
