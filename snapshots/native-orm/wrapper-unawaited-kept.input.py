import asyncio

from asgiref.sync import sync_to_async

from shop.models import Order


def close_order(pk):
    order = Order.objects.get(pk=pk)
    order.status = "closed"
    order.save()


async def close(request, pk):
    # Fire and forget (the coroutine is dropped: close_order never runs).
    sync_to_async(close_order)(pk)
    if not (sync_to_async(Order.objects.filter(pk=pk).exists)()):
        return None
    assert sync_to_async(Order.objects.exists)(), "no orders"
    # Handed on: a coroutine either way.
    total, open_ = await asyncio.gather(
        sync_to_async(Order.objects.count)(),
        sync_to_async(Order.objects.filter(status="open").count)(),
    )
    return total - open_
