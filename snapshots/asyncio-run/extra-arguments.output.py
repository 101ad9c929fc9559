import asyncio

import uvloop

from .clients import fetch


def debug_fetch(url):
    return asyncio.run(fetch(url), debug=True)


def fast_fetch(url):
    return asyncio.run(fetch(url), loop_factory=uvloop.new_event_loop)
