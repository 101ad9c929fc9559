import asyncio

from .clients import fetch, push


def one(url):
    return asyncio.run(fetch(url))


def two(url):
    data = asyncio.run(fetch(url))
    asyncio.run(push(data))
    return data


def three(urls):
    return [asyncio.run(fetch(u)) for u in urls]
