import asyncio

from celery import shared_task

from shop.clients import fetch_rates


@shared_task
def refresh_rates():
    return asyncio.run(fetch_rates("EUR"))
