import asyncio

from asgiref.sync import async_to_sync

from .clients import fetch


def refresh(url):
    coro = fetch(url)
    return asyncio.run(coro)


def refresh_all(urls):
    return async_to_sync(asyncio.gather)(*[fetch(u) for u in urls])
