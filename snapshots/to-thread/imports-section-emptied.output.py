import asyncio
import json

from shop.services import queue


async def consume():
    while (message := queue.pop()) is None:
        await asyncio.sleep(0.2)
    return json.loads(message)
