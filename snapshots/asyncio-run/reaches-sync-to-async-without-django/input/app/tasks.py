import asyncio

from celery import shared_task

from app.store import ping, save


@shared_task
def store(row):
    asyncio.run(save(row))


@shared_task
def check():
    asyncio.run(ping())
