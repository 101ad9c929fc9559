import asyncio


async def pause():
    await asyncio.sleep(1)
