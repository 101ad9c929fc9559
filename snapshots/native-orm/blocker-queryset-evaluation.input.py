from asgiref.sync import sync_to_async

from shop.models import Order


@sync_to_async
def summary(customer):
    qs = Order.objects.filter(customer=customer)
    first = Order.objects.first()
    return {"count": len(qs), "first": first}


async def view(request):
    qs = Order.objects.filter(status="open")
    if qs:
        top = qs[0]
    window = qs[10:20]
    has_any = bool(Order.objects.all())
    total = sum(o.amount for o in qs)
    present = request.order in qs
    return top, window, has_any, total, present, repr(qs)
