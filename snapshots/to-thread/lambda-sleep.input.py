import asyncio
import time


async def nap(seconds):
    await asyncio.to_thread(lambda: time.sleep(seconds))
    await asyncio.to_thread(lambda x: time.sleep(x), seconds)
