from .models import Order


async def first_open(customer_id):
    return await Order.objects.filter(customer_id=customer_id, status="open").afirst()
