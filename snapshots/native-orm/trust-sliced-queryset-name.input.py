from asgiref.sync import sync_to_async

from .models import Order


async def newest_two(status):
    qs = Order.objects.filter(status=status).order_by("-created")
    qs = qs[:2]
    return [order.pk for order in qs]


async def newest(status):
    qs = Order.objects.filter(status=status)
    qs = qs.order_by("-created")[:1]
    return await sync_to_async(qs.first)()
