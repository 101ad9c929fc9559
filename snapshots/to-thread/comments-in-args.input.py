import asyncio

from shop.services.cache import async_redis_manager, redis_manager


async def task_status(task_id):
    status = await asyncio.to_thread(
        redis_manager.get_task_status,  # sync client, see #412
        task_id,  # the Celery id
    )
    other = await asyncio.to_thread(  # why a thread: legacy client
        redis_manager.get_task_status,
        task_id,
    )
    return status, other
