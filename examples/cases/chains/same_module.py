"""A wrapper and its helper in one module."""
from asgiref.sync import sync_to_async

from shop.models import Product


def _cheapest():
    return Product.available.order_by("price", "sku").first()


@sync_to_async
def cheapest_sku():
    product = _cheapest()
    return product.sku if product else None
