from asgiref.sync import async_to_sync
from celery import shared_task

from shop.clients import fetch_rates


@shared_task
def refresh_rates():
    return async_to_sync(fetch_rates)("EUR")
