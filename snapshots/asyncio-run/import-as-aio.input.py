import asyncio as aio

from .clients import fetch


def load(url):
    return aio.run(fetch(url))
