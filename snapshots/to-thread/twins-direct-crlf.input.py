from app.cache import async_redis_manager, redis_manager


async def status(cid):
    return redis_manager.get_task_status(cid)  # café ☕
