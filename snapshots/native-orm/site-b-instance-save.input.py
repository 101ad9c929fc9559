from typing import Optional

from asgiref.sync import sync_to_async

from shop.models import Customer, Order


async def close_order(order_id: int, note: str):
    order = await Order.objects.aget(pk=order_id)
    order.note = note
    await sync_to_async(order.save)(update_fields=["note"])
    return order


async def touch(customer: Customer, other: Optional["Order"], third: Order | None):
    await sync_to_async(customer.refresh_from_db)()
    await sync_to_async(other.delete)()
    await sync_to_async(third.save, thread_sensitive=False)()


async def from_tuple(ref):
    order, created = await Order.objects.aget_or_create(reference=ref)
    if created:
        await sync_to_async(order.delete)()
    for line in Order.objects.filter(parent=order):
        pass
