import asyncio
from asyncio import gather

from .clients import fetch


def fetch_all(urls):
    return asyncio.run(asyncio.gather(*[fetch(u) for u in urls]))


def fetch_both(a, b):
    return asyncio.run(gather(fetch(a), fetch(b)))


def fetch_one(url):
    return asyncio.run(asyncio.wait_for(fetch(url), timeout=5))
