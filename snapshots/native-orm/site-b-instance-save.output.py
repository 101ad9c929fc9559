from typing import Optional

from shop.models import Customer, Order


async def close_order(order_id: int, note: str):
    order = await Order.objects.aget(pk=order_id)
    order.note = note
    await order.asave(update_fields=["note"])
    return order


async def touch(customer: Customer, other: Optional["Order"], third: Order | None):
    await customer.arefresh_from_db()
    await other.adelete()
    await third.asave()


async def from_tuple(ref):
    order, created = await Order.objects.aget_or_create(reference=ref)
    if created:
        await order.adelete()
    async for line in Order.objects.filter(parent=order):
        pass
