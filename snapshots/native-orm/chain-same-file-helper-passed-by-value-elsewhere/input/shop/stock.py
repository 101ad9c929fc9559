from asgiref.sync import sync_to_async
from django.db.models import F

from .models import Product


def restock(pk, amount):
    Product.objects.filter(pk=pk).update(stock=F("stock") + amount)


@sync_to_async
def restock_now(pk, amount):
    restock(pk, amount)
    return Product.objects.get(pk=pk).stock
