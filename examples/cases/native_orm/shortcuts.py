"""A Django 5.0 API: rewritten when the target is 5.0 or later, reported (AS209) on 4.2."""
from asgiref.sync import sync_to_async
from django.shortcuts import get_object_or_404

from shop.models import Product


async def product_or_404(sku):
    return await sync_to_async(get_object_or_404)(Product, sku=sku)
