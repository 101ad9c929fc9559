import asyncio

from celery.result import AsyncResult


async def wait_for_result(task_id: str, poll: float = 0.5):
    """Poll Celery until the task is done."""
    while not AsyncResult(task_id).ready():
        await asyncio.sleep(poll)
    return AsyncResult(task_id).get()
