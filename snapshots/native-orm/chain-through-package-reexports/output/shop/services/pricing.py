from decimal import Decimal

from shop.models import Order

__all__ = ["reprice_order"]

VAT = Decimal("1.20")


def reprice_order(order_id):
    order = Order.objects.get(pk=order_id)
    order.total = order.total * VAT
    order.save(update_fields=["total"])


async def areprice_order(order_id):
    order = await Order.objects.aget(pk=order_id)
    order.total = order.total * VAT
    await order.asave(update_fields=["total"])
