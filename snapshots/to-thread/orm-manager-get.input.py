import asyncio

from shop.models import Order


async def order_detail(request, order_id):
    order = await asyncio.to_thread(Order.objects.get, pk=order_id)
    paid = await asyncio.to_thread(
        Order.objects.filter(customer=request.user, paid=True).count
    )
    count = await asyncio.to_thread(lambda: Order.objects.filter(paid=False).count())
    return order, paid, count
