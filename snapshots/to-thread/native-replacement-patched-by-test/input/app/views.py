import asyncio
import time


async def pause():
    await asyncio.to_thread(time.sleep, 1)
