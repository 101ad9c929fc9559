from asgiref.sync import async_to_sync
from celery import shared_task

from billing.remote import sync_remote


@shared_task
def sync_batch(batch_id):
    async_to_sync(sync_remote)(batch_id)
