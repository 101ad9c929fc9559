import asyncio

from celery import shared_task


@shared_task
def sync_batch(batch_id):
    total = summarise(  # asyncshift: ignore
        asyncio.run(sync_remote(batch_id, retries=3)),
        batch_id,
    )
    return total


async def handler(batch_id):
    result = (  # asyncshift: ignore[AS102]
        asyncio.run(sync_remote(batch_id))
    )
    return result


async def sync_remote(x, retries=1):
    return x
