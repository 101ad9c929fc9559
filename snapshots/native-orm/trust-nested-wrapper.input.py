from asgiref.sync import sync_to_async

from .models import Order


async def first_open(customer_id):
    return await sync_to_async(
        (await sync_to_async(Order.objects.filter)(customer_id=customer_id, status="open")).first
    )()
