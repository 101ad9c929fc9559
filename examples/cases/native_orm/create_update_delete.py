from asgiref.sync import sync_to_async
from django.db.models import Sum

from shop.models import Order, Product


async def ensure_product(sku, name):
    product, created = await sync_to_async(Product.objects.get_or_create)(
        sku=sku, defaults={"name": name, "price": "1.00"}
    )
    return product.pk, created


async def set_price(sku, price):
    product, _ = await sync_to_async(Product.objects.update_or_create)(
        sku=sku, defaults={"price": price, "name": sku}
    )
    return product.price


async def close_cancelled():
    deleted, _ = await sync_to_async(Order.objects.filter(status="cancelled").delete)()
    return deleted


async def mark_exported(order_ids):
    return await sync_to_async(Order.objects.filter(pk__in=order_ids).update)(status="exported")


async def total_stock():
    totals = await sync_to_async(Product.objects.aggregate)(total=Sum("stock"))
    return totals["total"] or 0
