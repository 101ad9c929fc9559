from asgiref.sync import sync_to_async

from shop.models import Order


async def open_count():
    return await sync_to_async(Order.objects.count)()
