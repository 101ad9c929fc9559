from shop.models import Order


async def open_orders_for(user):
    return await Order.objects.filter(customer=user, status="new").acount()


async def open_orders_of(customer_id):
    return await Order.objects.filter(customer_id=customer_id, status="new").acount()
