from asgiref.sync import sync_to_async

from shop.models import Order


async def count():
    return await sync_to_async(
        Order.objects.count,  # the total
        thread_sensitive=True,
    )()
