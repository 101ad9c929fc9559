import asyncio

from shop.models import Order


async def lock_and_ship(order_id, repository):
    # select_for_update needs the transaction the thread holds.
    locked = await asyncio.to_thread(Order.objects.select_for_update().get, pk=order_id)
    # A repository object is not a proven manager: left alone.
    other = await asyncio.to_thread(repository.get, pk=order_id)
    rows = await asyncio.to_thread(Order.objects.filter, paid=True)
    return locked, other, rows
