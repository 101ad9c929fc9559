from shop.models import Order


async def mark_paid(order_id):
    order = await Order.objects.aget(pk=order_id)
    order.paid = True
    await order.asave(update_fields=["paid"])
    await order.arefresh_from_db()
