from app.cache import async_redis_manager


async def status(cid):
    return await async_redis_manager.get_task_status(cid)  # café ☕
