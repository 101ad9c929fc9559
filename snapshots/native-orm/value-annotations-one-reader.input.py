from typing import Optional

from asgiref.sync import sync_to_async

from .models import Order


@sync_to_async
def archive(order_ids: list[int], labels: Optional[dict[str, str]]):
    # Containers written with scalar items hold nothing else: every method of them is in memory.
    order_ids.reverse()
    labels.update(archived="yes")
    return Order.objects.filter(pk__in=order_ids).update(label=labels.get("archived"))


@sync_to_async
def store_payload(order_id, payload: dict):
    # A bare dict is a mapping, and a mapping has no save(): what it holds may be a model row.
    payload["order"].save()
    return Order.objects.filter(pk=order_id).count()


@sync_to_async
def refresh_last(rows: list):
    # A bare list may hold anything, model instances too.
    rows.pop().refresh_from_db()
    return Order.objects.count()
