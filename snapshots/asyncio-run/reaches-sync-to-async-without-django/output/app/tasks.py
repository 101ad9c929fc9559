import asyncio

from asgiref.sync import async_to_sync
from celery import shared_task

from app.store import ping, save


@shared_task
def store(row):
    async_to_sync(save)(row)


@shared_task
def check():
    asyncio.run(ping())
