from django.db.models import F

from .models import Product


def restock(pk, amount):
    Product.objects.filter(pk=pk).update(stock=F("stock") + amount)


async def arestock(pk, amount):
    await Product.objects.filter(pk=pk).aupdate(stock=F("stock") + amount)


async def restock_now(pk, amount):
    await arestock(pk, amount)
    return (await Product.objects.aget(pk=pk)).stock
