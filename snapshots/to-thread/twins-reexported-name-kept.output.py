from shop.services.cache import async_redis_manager, redis_manager


async def task_status(request, task_id):
    status = await async_redis_manager.get_task_status(task_id)
    await async_redis_manager.set_task_status(task_id, status="seen", ttl=60)
    return {"status": status}
