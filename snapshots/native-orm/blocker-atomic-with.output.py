from asgiref.sync import sync_to_async
from django.db import transaction

from shop.models import Order, Payment


@sync_to_async
def pay(order_id, amount):
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order_id)
        Payment.objects.create(order=order, amount=amount)
        order.status = "paid"
        order.save()
    return order
