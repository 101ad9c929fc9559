from app.cache import async_redis_manager, redis_manager


async def heartbeat(worker_id):
    redis_manager.touch(worker_id)
    return redis_manager.get_last_seen(worker_id)
