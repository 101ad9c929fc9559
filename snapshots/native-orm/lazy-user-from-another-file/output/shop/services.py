from asgiref.sync import sync_to_async

from shop.models import Order


@sync_to_async
def open_orders_for(user):
    return Order.objects.filter(customer=user, status="new").count()


async def open_orders_of(customer_id):
    return await Order.objects.filter(customer_id=customer_id, status="new").acount()
