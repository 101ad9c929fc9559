"""Executable fixtures for native-orm (cases/native_orm/): the same assertions before and after."""
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import SynchronousOnlyOperation
from django.http import Http404
from django.utils.functional import SimpleLazyObject

from cases.native_orm import (
    create_update_delete,
    decorated_wrapper,
    instance_methods,
    iterate,
    lazy_argument,
    related_manager,
    shortcuts,
    sync_in_async,
    wrapped_get,
    wrapped_lambda,
    wrapped_list,
)
from shop.models import Order, Product

from ..proof import BEFORE, KNOWN_LIMIT_LAZY_OBJECT, run_async


@pytest.fixture
def products(db):
    return [
        Product.objects.create(sku="A", name="Anvil", price="10.00", stock=0),
        Product.objects.create(sku="B", name="Bell", price="20.00", stock=5),
        Product.objects.create(sku="C", name="Cup", price="30.00", stock=2, active=False),
    ]


def test_wrapped_get(products):
    assert run_async(wrapped_get.price_of, "B") == Decimal("20.00")
    assert run_async(wrapped_get.find_product, "A").name == "Anvil"
    with pytest.raises(Product.DoesNotExist):
        run_async(wrapped_get.find_product, "C")  # inactive


def test_wrapped_list(products):
    assert run_async(wrapped_list.skus_in_stock) == ["B", "C"]


def test_wrapped_lambda(products, order):
    assert run_async(wrapped_lambda.has_open_orders, order.product_id) is True
    assert run_async(wrapped_lambda.has_open_orders, products[0].pk) is False
    assert run_async(wrapped_lambda.newest_order_id) == order.pk


def test_decorated_wrapper(products):
    assert run_async(decorated_wrapper.restock, "A", 4) == 4
    assert Product.objects.get(sku="A").stock == 4
    Product.objects.filter(sku="B").update(stock=0)
    assert run_async(decorated_wrapper.retire_empty_products) == 1
    assert list(Product.objects.filter(active=True).values_list("sku", flat=True)) == ["A"]


def test_create_update_delete(products, order):
    assert run_async(create_update_delete.ensure_product, "A", "x") == (products[0].pk, False)
    pk, created = run_async(create_update_delete.ensure_product, "Z", "Zither")
    assert created and Product.objects.get(pk=pk).name == "Zither"
    assert run_async(create_update_delete.set_price, "B", "21.50") == "21.50"
    assert Product.objects.get(sku="B").price == Decimal("21.50")
    assert run_async(create_update_delete.mark_exported, [order.pk]) == 1
    assert Order.objects.get(pk=order.pk).status == "exported"
    assert run_async(create_update_delete.close_cancelled) == 0
    Order.objects.update(status="cancelled")
    assert run_async(create_update_delete.close_cancelled) == 1
    assert not Order.objects.exists()
    # A 0, B 5, C 2, Z 0, and the order's product (SKU-1) 10.
    assert run_async(create_update_delete.total_stock) == 17


def test_sync_in_async(products, order):
    if BEFORE:
        # The bug: a sync ORM call in async def.
        with pytest.raises(SynchronousOnlyOperation):
            run_async(sync_in_async.open_order_count, order.product_id)
        with pytest.raises(SynchronousOnlyOperation):
            run_async(sync_in_async.discontinue, "A")
        return
    assert run_async(sync_in_async.open_order_count, order.product_id) == 1
    assert run_async(sync_in_async.discontinue, "A") == products[0].pk
    assert Product.objects.get(sku="A").active is False


def test_instance_methods(order):
    assert run_async(instance_methods.cancel, order.pk) == "cancelled"
    assert Order.objects.get(pk=order.pk).status == "cancelled"
    Order.objects.filter(pk=order.pk).update(status="exported")
    assert run_async(instance_methods.reload_status, order) == "exported"
    run_async(instance_methods.remove, order)
    assert not Order.objects.filter(pk=order.pk).exists()


def test_related_manager(order, user):
    pk = run_async(related_manager.order_again, order.product_id, user)
    assert Order.objects.get(pk=pk).product_id == order.product_id
    assert run_async(related_manager.orders_of, order.product_id) == 2


def test_shortcuts(products):
    assert run_async(shortcuts.product_or_404, "B").name == "Bell"
    with pytest.raises(Http404):
        run_async(shortcuts.product_or_404, "nope")


def test_iterate(products):
    assert run_async(iterate.stock_by_sku) == {"A": 0, "B": 5, "C": 2}
    assert run_async(iterate.bump_prices, 10) == ["A", "B"]
    assert Product.objects.get(sku="B").price == Decimal("22.00")
    assert Product.objects.get(sku="C").price == Decimal("30.00")


def test_lazy_argument_with_a_loaded_user(order, user):
    assert run_async(lazy_argument.open_orders_of, user) == 1


@KNOWN_LIMIT_LAZY_OBJECT
def test_lazy_argument_with_a_lazy_user(order, user):
    lazy = SimpleLazyObject(lambda: get_user_model().objects.get(pk=user.pk))
    assert run_async(lazy_argument.open_orders_of, lazy) == 1
