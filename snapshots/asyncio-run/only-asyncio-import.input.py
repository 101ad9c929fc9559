import asyncio


def load(fetch, url):
    return asyncio.run(fetch(url))
