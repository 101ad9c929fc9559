"""Executable fixtures for the cross-function chain (cases/chains/): @sync_to_async wrappers whose
ORM work is done by project helpers. Not converted today (reported or left); the same assertions
hold before and after, and will hold when the chain conversion lands."""
from cases.chains import same_module, wrappers
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
