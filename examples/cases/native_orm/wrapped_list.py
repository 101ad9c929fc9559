from asgiref.sync import sync_to_async

from shop.models import Product


async def skus_in_stock():
    qs = Product.objects.filter(stock__gt=0).order_by("sku")
    products = await sync_to_async(list)(qs)
    return [p.sku for p in products]
