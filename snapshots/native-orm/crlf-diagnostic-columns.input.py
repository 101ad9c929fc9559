from shop.models import Order


async def badge(request, user_id):
    label = "注文 🛒"; has = bool(Order.objects.filter(user_id=user_id))
    return label, has, Order.objects.filter(user_id=user_id).exists()
