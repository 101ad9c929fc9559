import asyncio


async def throttle(seconds):
    await asyncio.sleep(seconds)


async def throttle_again(seconds):
    await asyncio.sleep(seconds)
