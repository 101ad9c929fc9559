from app.cache import redis_manager


async def task_status(cid):
    return redis_manager.get_task_status(cid)
