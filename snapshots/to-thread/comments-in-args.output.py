from shop.services.cache import async_redis_manager


async def task_status(task_id):
    status = await async_redis_manager.get_task_status(
        # sync client, see #412
        task_id,  # the Celery id
    )
    other = await async_redis_manager.get_task_status(  # why a thread: legacy client
        task_id,
    )
    return status, other
