import logging

from asgiref.sync import sync_to_async

from shop.models import Order

log = logging.getLogger(__name__)


@sync_to_async
def open_orders(customer_id):
    orders = []
    for order in Order.objects.filter(customer_id=customer_id, status="open"):
        orders.append(order.reference)
    log.info("found %d orders", len(orders))
    return orders


@sync_to_async(thread_sensitive=True)
def mark_paid(order_id: int) -> Order:
    order = Order.objects.get(pk=order_id)
    order.status = "paid"
    order.save(update_fields=["status"])
    return order


async def view(request):
    return await open_orders(request.user.pk), await mark_paid(1)
