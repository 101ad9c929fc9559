import asyncio

from shop.models import Order


async def mark_paid(order_id):
    order = await Order.objects.aget(pk=order_id)
    fresh = await Order.objects.aget(pk=order_id)
    fresh.paid = True
    # Django 4.1 has aget but no asave: the save stays in its thread.
    await asyncio.to_thread(fresh.save)
    return order
