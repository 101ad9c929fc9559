import asyncio

from .clients import fetch


def refresh(url):
    coro = fetch(url)
    return asyncio.run(coro)


def refresh_all(urls):
    return asyncio.run(asyncio.gather(*[fetch(u) for u in urls]))
