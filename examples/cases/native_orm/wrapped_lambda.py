from asgiref.sync import sync_to_async

from shop.models import Order


async def has_open_orders(product_id):
    return await sync_to_async(
        lambda: Order.objects.filter(product_id=product_id, status="new").exists()
    )()


async def newest_order_id():
    latest = await sync_to_async(lambda: Order.objects.order_by("-pk").first())()
    return latest.pk if latest else None
