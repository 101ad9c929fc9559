from asyncio import run as r

from .clients import fetch


def load(url):
    return r(fetch(url))
