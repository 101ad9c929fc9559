import asyncio
import time


async def test_poll_waits():
    # Native mode still rewrites in tests: asyncio.sleep is right there too.
    await asyncio.to_thread(time.sleep, 0.1)
