from .models import Order


def get(number):
    return Order.objects.get(number=number)


async def aget(number):
    return await Order.objects.aget(number=number)
