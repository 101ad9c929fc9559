import asyncio

from asgiref.sync import async_to_sync
from celery import shared_task

from .clients import refresh


@shared_task
def sync_repo(repo):
    async_to_sync(refresh)(repo)


async def wait_a_bit():
    await asyncio.sleep(1)
