from shop.models import Order


async def bump_all(customer_id):
    async for order in Order.objects.filter(customer_id=customer_id):
        order.priority += 1
        await order.asave(update_fields=["priority"])
    order, created = await Order.objects.aupdate_or_create(reference="x", defaults={"priority": 0})
    if not created:
        await order.adelete()
    return [o.pk async for o in Order.objects.filter(priority__gt=5)]
