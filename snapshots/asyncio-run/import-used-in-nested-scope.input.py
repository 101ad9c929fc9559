import asyncio

from .clients import fetch


def load(url):
    return asyncio.run(fetch(url))


def shadows(asyncio):
    return asyncio.gather()


class Holder:
    def method(self):
        return [asyncio.sleep(0) for _ in range(3)]
