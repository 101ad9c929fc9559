from asgiref.sync import sync_to_async

from shop.models import Order


async def report(request, status=None):
    qs = Order.objects.all()
    if status:
        qs = qs.filter(status=status)
    qs = qs.exclude(archived=True).select_related("customer")
    total = await sync_to_async(qs.count)()
    stats = await sync_to_async(qs.aggregate)(total=Sum("amount"))
    created, _ = await sync_to_async(Order.objects.get_or_create)(
        reference=request.GET["ref"],  # the external reference
        defaults={"status": "new"},
    )
    return total, stats, created
