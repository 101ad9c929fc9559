from asgiref.sync import sync_to_async
from django.db import transaction

from shop.models import Order


@sync_to_async
@transaction.atomic
def cancel(order_id):
    Order.objects.filter(pk=order_id).update(status="cancelled")


@sync_to_async
def refund(order_id):
    Order.objects.filter(pk=order_id).update(status="refunded")
    transaction.on_commit(lambda: None)
