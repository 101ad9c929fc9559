from shop.models import Order


async def close_order(order_id):
    order = Order.objects.aget(pk=order_id)
    print(order.status)
    Order.objects.filter(pk=order_id).aupdate(status="closed")
    Order.objects.acount()


async def touch(order: Order):
    order.asave(update_fields=["updated_at"])
    rows = Order.objects.aiterator()
    async for row in rows:
        print(row)


async def unknown(thing):
    thing.asave()
