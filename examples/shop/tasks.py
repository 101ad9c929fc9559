import asyncio
import logging

import httpx
from celery import shared_task

from .celery import app
from .models import Order, Product
from .services import client, redis_manager

logger = logging.getLogger(__name__)


@shared_task
def refresh_prices():
    skus = list(Product.available.values_list("sku", flat=True))
    prices = asyncio.run(client.refresh_prices(skus))
    for sku, price in prices.items():
        Product.objects.filter(sku=sku).update(price=price)
    logger.info("refreshed %d prices", len(prices))


@app.task(bind=True, max_retries=5)
def export_order(self, order_id):
    order = Order.objects.select_related("product").get(pk=order_id)
    try:
        export_id = asyncio.run(
            client.push_order(
                order.pk,
                priority=order.quantity > 10,
            )
        )
    except httpx.HTTPError as exc:
        raise self.retry(exc=exc, countdown=2**self.request.retries)
    order.export_id = export_id
    order.status = "exported"
    order.save(update_fields=["export_id", "status"])
    redis_manager.set_task_status(self.request.id, {"order": order.pk, "state": "done"})


@shared_task
def sync_stock(product_id):
    product = Product.objects.get(pk=product_id)

    async def _run():
        return await client.fetch_stock(product.sku)

    product.stock = asyncio.run(_run())
    product.save(update_fields=["stock"])
