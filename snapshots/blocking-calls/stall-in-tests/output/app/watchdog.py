import asyncio
import time


async def poll_health(probe) -> bool:
    # Wait a little between probes.
    await asyncio.sleep(0.2)
    return await probe()


async def block_loop(seconds: float) -> None:
    time.sleep(seconds)
