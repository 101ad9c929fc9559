import asyncio

from shop.services.cache import async_redis_manager


async def poll(task_id, delay):
    await asyncio.sleep(
        delay,
    )
    status = await async_redis_manager.get_task_status(
        task_id,
        refresh=True,
    )
    if status:
        await async_redis_manager.set_task_status(
            task_id,
            "seen",
        )
    return status
