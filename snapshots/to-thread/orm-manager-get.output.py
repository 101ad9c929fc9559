from shop.models import Order


async def order_detail(request, order_id):
    order = await Order.objects.aget(pk=order_id)
    paid = await Order.objects.filter(customer=request.user, paid=True).acount()
    count = await Order.objects.filter(paid=False).acount()
    return order, paid, count
