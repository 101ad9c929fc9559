import asyncio
import time


async def drain(queue):
    # An await here would turn the generator into an async generator: reported only.
    total = sum(time.sleep(0.01) or 1 for _ in queue)
    first = [await asyncio.sleep(0.01) or item for item in queue][0]

    class Throttle:
        time.sleep(0.1)

    (await asyncio.sleep(0)).bit_length()
    return total, first, Throttle
