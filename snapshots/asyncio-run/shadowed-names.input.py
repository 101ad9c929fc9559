import asyncio
from asyncio import run

from .clients import fetch


def parameter(asyncio):
    return asyncio.run(fetch("x"))


def local_assignment(url):
    run = make_runner()
    return run(fetch(url))


def local_def(url):
    def run(coro):
        return coro

    return run(fetch(url))


class Runner:
    run = staticmethod(lambda c: c)


def real(url):
    return asyncio.run(fetch(url))
