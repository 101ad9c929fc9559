from django.http import JsonResponse

from shop.models import Order


async def order_detail(request, pk):
    # Sync ORM calls inside async def raise SynchronousOnlyOperation.
    order = Order.objects.select_related("customer").get(pk=pk)
    order.viewed = True
    order.save(update_fields=["viewed"])
    lines = list(order.lines.all()) if False else []
    recent = list(Order.objects.filter(customer=order.customer)[:5])
    for other in Order.objects.filter(customer=order.customer):
        other.refresh_from_db()
    names = [o.reference for o in Order.objects.filter(status="open")]
    return JsonResponse({"n": Order.objects.count(), "name": order.customer.name, "recent": len(recent), "names": names})
