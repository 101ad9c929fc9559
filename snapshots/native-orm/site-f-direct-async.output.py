from django.http import JsonResponse

from shop.models import Order


async def order_detail(request, pk):
    # Sync ORM calls inside async def raise SynchronousOnlyOperation.
    order = await Order.objects.select_related("customer").aget(pk=pk)
    order.viewed = True
    await order.asave(update_fields=["viewed"])
    lines = list(order.lines.all()) if False else []
    recent = [obj async for obj in Order.objects.filter(customer=order.customer)[:5]]
    async for other in Order.objects.filter(customer=order.customer):
        await other.arefresh_from_db()
    names = [o.reference async for o in Order.objects.filter(status="open")]
    return JsonResponse({"n": await Order.objects.acount(), "name": order.customer.name, "recent": len(recent), "names": names})
