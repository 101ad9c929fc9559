import asyncio as aio
import time as t


async def backoff(attempt):
    await aio.to_thread(t.sleep, 2 ** attempt)


async def still_uses_time():
    started = t.monotonic()
    await aio.to_thread(t.sleep, 0.1)
    return t.monotonic() - started
