import asyncio
import time


async def throttle(seconds):
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, time.sleep, seconds)


async def throttle_again(seconds):
    await asyncio.get_running_loop().run_in_executor(None, time.sleep, seconds)
