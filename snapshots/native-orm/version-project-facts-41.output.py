from asgiref.sync import sync_to_async

from shop.models import Order


async def delete_order(pk):
    order = await Order.objects.aget(pk=pk)
    await sync_to_async(order.delete)()
    await Order.objects.filter(pk=pk).adelete()
