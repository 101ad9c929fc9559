import json

from app.cache import async_redis_manager, redis_manager


async def task_status(cid):
    status = await async_redis_manager.get_task_status(cid)
    await async_redis_manager.set_task_status(
        cid,  # the Celery id
        "seen",
    )
    payload = (await async_redis_manager.get_payload(cid)).decode()
    if status == "done":
        return await async_redis_manager.get_result(cid)
    already = await async_redis_manager.get_task_status(cid)
    later = lambda: redis_manager.get_task_status(cid)  # noqa: E731
    statuses = [redis_manager.get_task_status(c) for c in json.loads(payload)]
    return status, already, later, statuses


def task_status_sync(cid):
    return redis_manager.get_task_status(cid)


async def with_default(cid, fallback=redis_manager.get_task_status("default")):
    return fallback


async def with_class_body(cid):
    class Snapshot:
        status = redis_manager.get_task_status(cid)

    return Snapshot
