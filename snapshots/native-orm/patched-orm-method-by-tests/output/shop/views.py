from shop.models import Order


async def open_count():
    return await Order.objects.acount()
