import asyncio

from shop.models import Order


async def mark_paid(order_id):
    order = await Order.objects.aget(pk=order_id)
    order.paid = True
    await asyncio.to_thread(order.save, update_fields=["paid"])
    await asyncio.get_running_loop().run_in_executor(None, order.refresh_from_db)
