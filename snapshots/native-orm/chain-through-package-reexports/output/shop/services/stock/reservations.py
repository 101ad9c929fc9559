from django.db.models import F

from shop.models import Order, Product


def reserve_stock(order_id, sku):
    Product.objects.filter(sku=sku).update(stock=F("stock") - 1)
    Order.objects.filter(pk=order_id).update(status="reserved")


async def areserve_stock(order_id, sku):
    await Product.objects.filter(sku=sku).aupdate(stock=F("stock") - 1)
    await Order.objects.filter(pk=order_id).aupdate(status="reserved")


def release_stock(order_id, sku):
    Product.objects.filter(sku=sku).update(stock=F("stock") + 1)
    Order.objects.filter(pk=order_id).update(status="cancelled")


async def arelease_stock(order_id, sku):
    await Product.objects.filter(sku=sku).aupdate(stock=F("stock") + 1)
    await Order.objects.filter(pk=order_id).aupdate(status="cancelled")
