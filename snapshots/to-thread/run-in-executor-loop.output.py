import asyncio


async def throttle(seconds):
    loop = asyncio.get_running_loop()
    await asyncio.sleep(seconds)


async def throttle_again(seconds):
    await asyncio.sleep(seconds)
