from app.cache import async_redis_manager, redis_manager


async def task_status(cid):
    return (
        redis_manager  # the legacy client
        .get_task_status(cid)
    )
