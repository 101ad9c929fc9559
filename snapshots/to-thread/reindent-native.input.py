import asyncio
import functools
import time

from shop.services.cache import async_redis_manager, redis_manager


async def poll(task_id, delay):
    await asyncio.to_thread(
        lambda: time.sleep(
            delay,
        )
    )
    status = await asyncio.to_thread(
        lambda: redis_manager.get_task_status(
            task_id,
            refresh=True,
        )
    )
    if status:
        await asyncio.to_thread(functools.partial(
                redis_manager.set_task_status,
                task_id,
                "seen",
            ))
    return status
