from .models import Order


async def newest_two(status):
    qs = Order.objects.filter(status=status).order_by("-created")
    qs = qs[:2]
    return [order.pk async for order in qs]


async def newest(status):
    qs = Order.objects.filter(status=status)
    qs = qs.order_by("-created")[:1]
    return await qs.afirst()
