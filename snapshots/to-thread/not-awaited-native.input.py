import asyncio
import time

from shop.services.cache import async_redis_manager, redis_manager


async def fan_out(key):
    return await asyncio.gather(
        asyncio.to_thread(time.sleep, 1),
        asyncio.to_thread(redis_manager.get, key),
    )


async def executor_future(key):
    loop = asyncio.get_running_loop()
    future = loop.run_in_executor(None, time.sleep, 1)
    await future
