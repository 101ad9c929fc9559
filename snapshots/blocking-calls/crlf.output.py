from shop.services.cache import async_redis_manager, redis_manager
import asyncio


async def poll(task_id):
    await asyncio.sleep(0.5)
    status = await __import__("asyncio").to_thread(str, task_id)
    return status


async def poll_twin(task_id):
    from asyncio import to_thread

    return await to_thread(
        redis_manager.get_task_status,
        task_id,
    )
