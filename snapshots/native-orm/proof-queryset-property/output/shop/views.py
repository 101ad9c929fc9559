from asgiref.sync import sync_to_async

from catalogue.models import Product
from shop.models import Shop


async def open_order_count(shop_id: int) -> int:
    shop = await Shop.objects.aget(pk=shop_id)
    return await shop.open_orders.acount()


async def open_orders(shop_id: int) -> list:
    shop = await Shop.objects.select_related("owner").aget(pk=shop_id)
    return [obj async for obj in shop.open_orders]


async def latest_open(shop_id: int):
    shop = await Shop.objects.aget(pk=shop_id)
    # Already native: the property is a queryset, not a relation loaded lazily.
    return await shop.open_orders.afirst()


async def recent_ids(shop_id: int) -> list[int]:
    shop = await Shop.objects.aget(pk=shop_id)
    return [pk async for pk in shop.recent_order_ids]


@sync_to_async
def content_count(shop_id: int) -> int:
    shop = Shop.objects.get(pk=shop_id)
    return shop.content.count()


async def has_live_children(product_id: int) -> bool:
    product = await Product.objects.aget(pk=product_id)
    return await product.live_children.aexists()
