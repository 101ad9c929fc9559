import asyncio

from shop.models import Order


async def open_orders(customer_id):
    orders = [obj async for obj in Order.objects.filter(customer_id=customer_id)]
    paid = [obj async for obj in Order.objects.filter(paid=True)]
    numbers = [obj async for obj in Order.objects.values_list("number", flat=True)]
    return orders, paid, numbers


async def prefetch(customer_id):
    # Started now, awaited later: the thread runs meanwhile, a comprehension would not.
    pending = asyncio.to_thread(list, Order.objects.filter(customer_id=customer_id))
    return await pending


async def items(values):
    # Not a queryset: list() of anything else stays in its thread.
    return await asyncio.to_thread(list, values)
