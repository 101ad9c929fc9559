import asyncio, os

from .clients import fetch


def load(url):
    return asyncio.run(fetch(url, os.getcwd()))
