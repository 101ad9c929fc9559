from app.cache import async_redis_manager


async def heartbeat(worker_id):
    await async_redis_manager.touch(worker_id)
    return await async_redis_manager.get_last_seen(worker_id)
