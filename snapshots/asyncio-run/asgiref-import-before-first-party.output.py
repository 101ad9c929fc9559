from decimal import Decimal

from asgiref.sync import async_to_sync

from shop.models import Order
from shop.rates import pull_rates


def refresh_order_total(order_id):
    order = Order.objects.get(pk=order_id)
    rate = async_to_sync(pull_rates)(order.currency)
    order.total = order.subtotal * Decimal(rate)
    order.save(update_fields=["total"])
