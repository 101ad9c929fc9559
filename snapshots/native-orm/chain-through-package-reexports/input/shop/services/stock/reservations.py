from django.db.models import F

from shop.models import Order, Product


def reserve_stock(order_id, sku):
    Product.objects.filter(sku=sku).update(stock=F("stock") - 1)
    Order.objects.filter(pk=order_id).update(status="reserved")


def release_stock(order_id, sku):
    Product.objects.filter(sku=sku).update(stock=F("stock") + 1)
    Order.objects.filter(pk=order_id).update(status="cancelled")
