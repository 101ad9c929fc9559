import asyncio

from shop.services.cache import async_redis_manager


def backoff(attempt):
    return min(30, 2 ** attempt)


async def retry(task_id, attempt):
    await asyncio.sleep(backoff(attempt + 1))
    status = await async_redis_manager.get_task_status(
        str(task_id).strip(), default=backoff(0)
    )
    return (await async_redis_manager.get_task_status(task_id)).upper(), status
