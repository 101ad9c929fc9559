from app.cache import async_redis_manager, redis_manager


async def track(task_id):
    async_redis_manager.set_task_status(task_id, "running")
    redis_manager.set_task_status(task_id, "running")
    other.set_task_status(task_id, "running")
