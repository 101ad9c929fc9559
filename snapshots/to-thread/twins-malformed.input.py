import asyncio

from shop.services.cache import async_redis_manager, redis_manager


async def task_status(task_id):
    return await asyncio.to_thread(redis_manager.get_task_status, task_id)
