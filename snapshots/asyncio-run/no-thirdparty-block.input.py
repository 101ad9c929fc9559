import asyncio
import json

from .clients import fetch


def load(url):
    return json.dumps(asyncio.run(fetch(url)))
