from asgiref.sync import sync_to_async
from django.core.mail import send_mail

from .models import Order


@sync_to_async
def notify(pks):
    Order.objects.filter(pk__in=pks).update(status="sent")
    return sum(send_mail("s", "b", "a@x", [str(pk)]) for pk in pks)


def _mark(pk):
    return Order.objects.filter(pk=pk).update(status="seen")


@sync_to_async
def mark_all(pks):
    # A call of a helper in a generator expression is not followed.
    Order.objects.filter(pk__in=pks).update(status="new")
    return sum(_mark(pk) for pk in pks)
