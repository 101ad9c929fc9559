import asyncio

from asgiref.sync import async_to_sync
from celery import shared_task


@shared_task
def sync_batch(batch_id):
    # The batch runner owns its loop here: see ops/runbook.md.
    asyncio.run(sync_remote(batch_id, retries=3))  # asyncshift: ignore


@shared_task
def sync_one(item_id):
    async_to_sync(sync_remote)(item_id)


async def sync_remote(x, retries=1):
    return x
