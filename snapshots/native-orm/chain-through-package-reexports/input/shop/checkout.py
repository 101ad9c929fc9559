from django.utils import timezone

from shop.models import Order
from shop.services import reserve


def place_order(order_id, sku):
    """Reserves the stock, then marks the order placed (état « placed »)."""
    reserve(order_id, sku)
    Order.objects.filter(pk=order_id).update(status="placed", placed_at=timezone.now())
