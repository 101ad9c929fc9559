from shop.models import Order


async def badge(request):
    label = "注文 🛒"; has = bool(Order.objects.filter(user=request.user))
    return label, has, Order.objects.filter(user=request.user).exists()
