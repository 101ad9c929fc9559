from asgiref.sync import sync_to_async
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_datetime


class Order(models.Model):
    status = models.CharField(max_length=20)
    placed_at = models.DateTimeField()


@sync_to_async
def recent(since):
    ts = parse_datetime(since)
    now = timezone.now()
    n = Order.objects.filter(placed_at__gte=ts).count()
    return {"n": n, "at": now.isoformat(), "age": (now - ts).total_seconds()}


@sync_to_async
def rows():
    data = list(Order.objects.values("id", "status")[:10])
    return [{"s": r["status"].upper()} for r in data]


@sync_to_async
def statuses():
    return [row["status"].title() for row in Order.objects.values("status")]


@sync_to_async
def flagged(order_id):
    order = Order.objects.get(pk=order_id)
    # A method of an instance is not a value read from a row: it may run a query.
    return order.status.upper(), order.refresh_totals()
