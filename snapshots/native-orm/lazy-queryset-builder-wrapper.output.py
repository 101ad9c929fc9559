"""Catalogue search of a Telegram shop bot (puremilky product_service.py)."""
from asgiref.sync import sync_to_async
from django.db import models
from django.db.models import OuterRef, Subquery


class PriceType(models.Model):
    uuid = models.CharField(max_length=36)
    product_uuid = models.CharField(max_length=36)
    price = models.IntegerField()


class Product(models.Model):
    uuid = models.CharField(max_length=36)
    title = models.CharField(max_length=100)
    remainder = models.IntegerField()


@sync_to_async
def filter_products_by_title(title, price_type_uuid):
    """Products in stock whose title matches, with the client's price."""
    query = Product.objects.filter(remainder__gt=0, title__icontains=title).annotate(
        price_for_client=Subquery(
            PriceType.objects.filter(product_uuid=OuterRef("uuid"), uuid=price_type_uuid).values("price")[:1]
        )
    )
    return query.order_by("title")


async def first_in_stock(title):
    # Runs its query: converted.
    return await Product.objects.filter(remainder__gt=0, title__icontains=title).afirst()


async def product_titles(title, price_type_uuid):
    products = await filter_products_by_title(title, price_type_uuid)
    return [p.title async for p in products]
