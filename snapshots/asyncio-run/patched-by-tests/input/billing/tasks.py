import asyncio

from celery import shared_task

from billing.remote import sync_remote


@shared_task
def sync_batch(batch_id):
    asyncio.run(sync_remote(batch_id))
