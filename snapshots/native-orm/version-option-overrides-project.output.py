from shop.models import Order


async def delete_order(pk):
    order = await Order.objects.aget(pk=pk)
    await order.adelete()
    await Order.objects.filter(pk=pk).adelete()
