import asyncio

from shop.services.cache import redis_manager


async def task_status(task_id):
    # The twin is declared, but async_redis_manager is not imported here.
    return await asyncio.to_thread(redis_manager.get_task_status, task_id)
