import asyncio

from .clients import fetch


def run_it(url):
    return asyncio.run(fetch(url))
