from asgiref.sync import sync_to_async

from shop.models import Order


# 注文を数える — count orders 📦
async def count_orders(status):
    n = await sync_to_async(Order.objects.filter(status=status).count)()
    return n, [o async for o in Order.objects.none()], Order.objects.get(pk=1)


@sync_to_async
def names():
    # 名前の一覧 ✨
    return list(Order.objects.values_list("name", flat=True))
