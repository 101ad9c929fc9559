import asyncio
import functools
import time


async def pause():
    await asyncio.to_thread(functools.partial(time.sleep, 2))
