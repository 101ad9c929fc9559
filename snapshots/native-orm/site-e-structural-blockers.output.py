from asgiref.sync import sync_to_async
from django.contrib.auth.decorators import login_required

from shop.models import Order


@sync_to_async
def stream_orders():
    for order in Order.objects.all():
        yield order


@sync_to_async
@login_required
def guarded(request):
    return Order.objects.count()


@sync_to_async  # keep me: this comment would be lost
def commented():
    return Order.objects.count()


@sync_to_async
def with_helper():
    def inner():
        return Order.objects.count()

    return inner() + Order.objects.count()
