from asgiref.sync import sync_to_async

from shop.models import Order


async def cancel(order_id):
    order = await Order.objects.aget(pk=order_id)
    order.status = "cancelled"
    await sync_to_async(order.save)(update_fields=["status"])
    return order.status


async def reload_status(order: Order):
    await sync_to_async(order.refresh_from_db)()
    return order.status


async def remove(order: Order):
    await sync_to_async(order.delete)()
