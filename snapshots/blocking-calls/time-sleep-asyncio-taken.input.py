import time

from shop import scheduler as asyncio


async def tick():
    time.sleep(1)
    await asyncio.to_thread(time.sleep, 1)
