"""Issue 15's shape in one module: a @sync_to_async wrapper whose ORM work is done by three
helpers, one of which a sync Celery task also calls."""
from asgiref.sync import sync_to_async
from celery import shared_task

from shop.models import AuditEvent, Order, Product


def _process_prices(prices):
    for sku, price in prices:
        Product.objects.filter(sku=sku).update(
            price=price,  # the warehouse's price wins
        )


def _process_stock(stock):
    for sku, count in stock:
        Product.objects.filter(sku=sku).update(stock=count)


def _process_orders(order_ids, kind):
    for order in Order.objects.filter(pk__in=order_ids).order_by("pk"):
        AuditEvent.objects.create(order_id=order.pk, kind=kind)
    return Order.objects.filter(pk__in=order_ids).update(status="synced")


@sync_to_async
def sync_from_warehouse(payload):
    _process_prices(payload["prices"])
    _process_stock(payload["stock"])
    return _process_orders(payload["orders"], "synced")


@shared_task
def resync_orders(order_ids):
    # A sync caller: it keeps calling the sync helper after the migration.
    return _process_orders(order_ids, "resynced")
