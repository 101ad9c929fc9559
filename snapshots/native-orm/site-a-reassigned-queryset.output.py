from shop.models import Order


async def report(request, status=None):
    qs = Order.objects.all()
    if status:
        qs = qs.filter(status=status)
    qs = qs.exclude(archived=True).select_related("customer")
    total = await qs.acount()
    stats = await qs.aaggregate(total=Sum("amount"))
    created, _ = await Order.objects.aget_or_create(
        reference=request.GET["ref"],  # the external reference
        defaults={"status": "new"},
    )
    return total, stats, created
