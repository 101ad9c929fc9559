"""Celery tasks, called as Celery calls them (.delay / .apply with CELERY_TASK_ALWAYS_EAGER)."""
import json
from decimal import Decimal

import pytest
from celery.exceptions import Retry

from shop import tasks
from shop.models import AuditEvent, Order, Product

from .proof import BEFORE


def test_refresh_prices_updates_every_available_product(product, warehouse):
    Product.objects.create(sku="SKU-2", name="Pot", price="1.00", active=False)
    warehouse.prices.update({"SKU-1": "24.50", "SKU-2": "99.00"})
    result = tasks.refresh_prices.delay()
    assert result.successful()
    assert Product.objects.get(sku="SKU-1").price == Decimal("24.50")
    assert Product.objects.get(sku="SKU-2").price == Decimal("1.00")
    assert warehouse.paths("GET") == ["/api/prices/SKU-1"]


def test_export_order_stores_the_export_id(order, redis_store):
    result = tasks.export_order.apply(args=(order.pk,), task_id="cid-7")
    assert result.successful()
    order.refresh_from_db()
    assert (order.export_id, order.status) == (f"EXP-{order.pk}", "exported")
    assert json.loads(redis_store["task:cid-7"]) == {"order": order.pk, "state": "done"}


def test_export_order_marks_big_orders_priority(order):
    Order.objects.filter(pk=order.pk).update(quantity=11)
    tasks.export_order.delay(order.pk)
    order.refresh_from_db()
    assert order.export_id == f"EXP-{order.pk}-P"


def test_export_order_asks_for_a_retry_when_the_warehouse_fails(order, warehouse):
    warehouse.fail_push = 1
    # Run eagerly, a retry is raised to the caller instead of being queued.
    with pytest.raises(Retry, match="Retry in 1s"):
        tasks.export_order.delay(order.pk)
    order.refresh_from_db()
    assert (order.export_id, order.status) == ("", "new")
    tasks.export_order.delay(order.pk)
    order.refresh_from_db()
    assert order.status == "exported"


def test_sync_stock(product, warehouse):
    warehouse.stock["SKU-1"] = 77
    tasks.sync_stock.delay(product.pk)
    product.refresh_from_db()
    assert product.stock == 77


@pytest.mark.django_db(transaction=True)
def test_cancel_order_refunded(order, warehouse):
    # transaction=True: before the migration the audit row is written on asgiref's own thread
    # and connection, which would wait for the test's open transaction (SQLite locks the file).
    tasks.cancel_order.delay(order.pk)
    order.refresh_from_db()
    assert order.status == "cancelled"
    assert list(order.events.values_list("kind", flat=True)) == ["cancel-requested"]
    assert f"/api/orders/{order.pk}/refund" in warehouse.paths("POST")


@pytest.mark.django_db(transaction=True)
def test_cancel_order_refused_changes_nothing_it_should_not(order, warehouse):
    # The full before/after contrast, with measurements, is in test_bug_asyncio_run.py.
    warehouse.refund = False
    with pytest.raises(tasks.RefundRefused):
        tasks.cancel_order.delay(order.pk)
    order.refresh_from_db()
    assert order.status == "new"
    # Before the migration the audit row escapes the rollback (see test_bug_asyncio_run.py).
    assert AuditEvent.objects.filter(order=order).count() == (1 if BEFORE else 0)
