from asgiref.sync import sync_to_async

from jobs.tasks import finish_job


async def test_finish():
    await sync_to_async(finish_job)(1)
