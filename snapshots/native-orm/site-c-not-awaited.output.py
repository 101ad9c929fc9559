import asyncio

from asgiref.sync import sync_to_async

from shop.models import Customer, Order


async def both():
    # gather takes the coroutine: a comprehension cannot stand in for it
    orders, customers = await asyncio.gather(
        sync_to_async(list)(Order.objects.all()),
        Customer.objects.acount(),
    )
    return orders, customers
