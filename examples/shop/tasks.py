import asyncio
import logging

import httpx
from celery import shared_task
from django.db import transaction

from .celery import app
from .models import Order, Product
from .services import audit, client, redis_manager

logger = logging.getLogger(__name__)


class RefundRefused(Exception):
    pass


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


@shared_task
def cancel_order(order_id):
    """Cancel and refund an order: all of it, or none of it."""
    with transaction.atomic():
        # The audit row must roll back with the rest if the refund is refused. Under
        # asyncio.run it does not: the write runs on asgiref's own thread, on that thread's
        # connection, outside this transaction, and is committed at once.
        asyncio.run(audit.record(order_id, "cancel-requested"))
        order = Order.objects.select_for_update().get(pk=order_id)
        order.status = "cancelled"
        order.save(update_fields=["status"])
        if not asyncio.run(client.refund_order(order.pk)):
            raise RefundRefused(order.pk)
