from asgiref.sync import sync_to_async

from shop.models import Order


async def close(order_id):
    count = await Order.objects.acount()
    order = await Order.objects.aget(pk=order_id)
    await sync_to_async(order.save)()
    await sync_to_async(order.tags.add)(1)
    return count
