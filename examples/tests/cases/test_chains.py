"""Executable fixtures for the cross-function chain (cases/chains/): @sync_to_async wrappers whose
ORM work is done by project helpers. Chains within one module convert (same_module, order_sync);
chains through other modules do not yet (reported or left). The same assertions hold before and
after."""
import json

from cases.chains import order_sync, same_module, wrappers
from shop.models import AuditEvent, Order, Product

from ..proof import run_async


def test_reserve_many(product):
    assert run_async(wrappers.reserve_many, product.pk, 3) == 7
    assert Product.objects.get(pk=product.pk).stock == 7
    assert run_async(wrappers.reserve_api_like, product.pk) == 6


def test_cancel_open_orders(user, product):
    first = Order.objects.create(customer=user, product=product)
    Order.objects.create(customer=user, product=product, status="exported")
    second = Order.objects.create(customer=user, product=product)
    assert run_async(wrappers.cancel_open_orders, user.pk) == [first.pk, second.pk]
    assert list(Order.objects.order_by("pk").values_list("status", flat=True)) == [
        "cancelled",
        "exported",
        "cancelled",
    ]
    assert AuditEvent.objects.filter(kind="cancelled").count() == 2


def test_cheapest_sku(product):
    Product.objects.create(sku="SKU-0", name="Cheap", price="1.00")
    Product.objects.create(sku="SKU-00", name="Cheaper", price="0.50", active=False)
    assert run_async(same_module.cheapest_sku) == "SKU-0"


def test_sync_from_warehouse_and_the_sync_task(order, product):
    payload = {"prices": [("SKU-1", "21.00")], "stock": [("SKU-1", 4)], "orders": [order.pk]}
    assert run_async(order_sync.sync_from_warehouse, payload) == 1
    product.refresh_from_db()
    assert (str(product.price), product.stock) == ("21.00", 4)
    assert Order.objects.get(pk=order.pk).status == "synced"
    # The Celery task, sync, still calls the sync helper.
    assert order_sync.resync_orders.apply(args=[[order.pk]]).get() == 1
    kinds = list(AuditEvent.objects.order_by("pk").values_list("kind", flat=True))
    assert kinds == ["synced", "resynced"]


def test_catalog_payload_through_a_service_and_helpers_in_another_module(order, product):
    from cases.chains import catalog_service

    Product.objects.create(sku="SKU-9", name="Lid", price="2.00", stock=5)
    payload = {
        "data": {
            "catalog": {
                "products": {"nodes": [{"sku": "SKU-1", "name": " Mug ", "price": "7.00"}]},
                "stock": {"nodes": [{"sku": "SKU-1", "count": "3"}, {"sku": "SKU-9"}]},
                "orders": {"edges": [{"node": {"id": str(order.pk), "kind": "SYNCED"}}]},
            }
        }
    }
    result = catalog_service.sync_catalog.apply(args=[json.dumps(payload)]).get()
    assert list(result) == [1, 2, 1]
    product.refresh_from_db()
    assert (product.name, str(product.price), product.stock) == ("Mug", "7.00", 3)
    assert Product.objects.get(sku="SKU-9").stock == 0
    assert list(AuditEvent.objects.values_list("order_id", "kind")) == [(order.pk, "synced")]
    # The sync caller still calls the sync helper.
    node = {"sku": "SKU-1", "name": "Cup", "price": "8.00"}
    assert catalog_service.touch_product.apply(args=[node]).get() == product.pk
    assert Product.objects.get(pk=product.pk).name == "Cup"
