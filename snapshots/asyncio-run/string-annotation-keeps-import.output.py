import asyncio

from asgiref.sync import async_to_sync
from celery import shared_task


@shared_task
def refresh(sku) -> "asyncio.Future[str] | None":
    return async_to_sync(fetch_price)(sku)


async def fetch_price(sku):
    return sku
