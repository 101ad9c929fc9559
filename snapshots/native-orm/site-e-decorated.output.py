import logging

from shop.models import Order

log = logging.getLogger(__name__)


async def open_orders(customer_id):
    orders = []
    async for order in Order.objects.filter(customer_id=customer_id, status="open"):
        orders.append(order.reference)
    log.info("found %d orders", len(orders))
    return orders


async def mark_paid(order_id: int) -> Order:
    order = await Order.objects.aget(pk=order_id)
    order.status = "paid"
    await order.asave(update_fields=["status"])
    return order


async def view(request):
    return await open_orders(request.user.pk), await mark_paid(1)
