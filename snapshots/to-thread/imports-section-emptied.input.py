import json

from asyncio import to_thread
from time import sleep

from shop.services import queue


async def consume():
    while (message := queue.pop()) is None:
        await to_thread(sleep, 0.2)
    return json.loads(message)
