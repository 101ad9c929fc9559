import asyncio

from celery import shared_task


@shared_task
def refresh(sku) -> "asyncio.Future[str] | None":
    return asyncio.run(fetch_price(sku))


async def fetch_price(sku):
    return sku
