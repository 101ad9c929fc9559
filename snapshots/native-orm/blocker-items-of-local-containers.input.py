from asgiref.sync import sync_to_async

from .models import Order


@sync_to_async
def touch_first(pk):
    # A local list is in memory, but what it holds is an Order: saving it queries.
    orders = [Order.objects.get(pk=pk)]
    orders[0].save()


@sync_to_async
def close_last(pks: list[int]):
    pending = []
    for pk in pks:
        pending.append(Order.objects.get(pk=pk))
    pending.pop().delete()


@sync_to_async
def tally(pks: list[int]) -> dict[str, int]:
    totals = {"count": 0, "sum": 0}
    for order in Order.objects.filter(pk__in=pks):
        totals["count"] += 1
        totals["sum"] += order.total
    totals.setdefault("currency", 978)
    return totals
