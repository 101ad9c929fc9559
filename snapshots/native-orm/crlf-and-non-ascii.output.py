from shop.models import Order


# 注文を数える — count orders 📦
async def count_orders(status):
    n = await Order.objects.filter(status=status).acount()
    return n, [o async for o in Order.objects.none()], await Order.objects.aget(pk=1)


async def names():
    # 名前の一覧 ✨
    return [obj async for obj in Order.objects.values_list("name", flat=True)]
