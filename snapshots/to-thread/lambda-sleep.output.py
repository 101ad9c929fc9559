import asyncio
import time


async def nap(seconds):
    await asyncio.sleep(seconds)
    await asyncio.to_thread(lambda x: time.sleep(x), seconds)
