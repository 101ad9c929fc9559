from app.cache import async_redis_manager, redis_manager


async def drain(queue_name):
    with redis_manager.lock(queue_name):
        for key in redis_manager.scan_iter(match=f"{queue_name}:*"):
            await async_redis_manager.delete(key)
    with (redis_manager.lock(queue_name) as held):
        return held
