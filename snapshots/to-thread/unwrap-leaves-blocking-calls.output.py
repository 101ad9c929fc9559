import asyncio
import time


async def poll():
    # unwrap mode reverts thread wrappers only: this stays as written.
    time.sleep(1)
    await asyncio.to_thread(time.sleep, 2)
