from shop.models import Order


async def close_order(order_id):
    order = await Order.objects.aget(pk=order_id)
    print(order.status)
    await Order.objects.filter(pk=order_id).aupdate(status="closed")
    await Order.objects.acount()


async def touch(order: Order):
    await order.asave(update_fields=["updated_at"])
    rows = Order.objects.aiterator()
    async for row in rows:
        print(row)


async def unknown(thing):
    thing.asave()
