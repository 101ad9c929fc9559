import asyncio as aio
import time as t


async def backoff(attempt):
    await aio.sleep(2 ** attempt)


async def still_uses_time():
    started = t.monotonic()
    await aio.sleep(0.1)
    return t.monotonic() - started
