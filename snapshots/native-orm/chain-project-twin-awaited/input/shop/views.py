from ninja_extra.shortcuts import get_object_or_exception

from shop.models import Product


def product_detail(request, pk):
    # Sync view: keeps the sync shortcut.
    return get_object_or_exception(Product, pk=pk)
