from asgiref.sync import sync_to_async
from django.utils import timezone

from billing.client import charge
from .models import Order
from .pricing import compute_total


def local_helper(order):
    return order.pk


@sync_to_async
def stamp(order_id, payload):
    order = Order.objects.get(pk=order_id)
    order.note = payload.get("note", "")
    order.stamped = timezone.now().timestamp()
    draft = Order(note=order.note)
    order.save()
    return draft


@sync_to_async
def total(order_id):
    order = Order.objects.get(pk=order_id)
    return compute_total(order), local_helper(order), charge(order)
