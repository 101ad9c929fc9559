from asgiref.sync import sync_to_async

from shop.models import Order


async def mixed(flag, cached):
    qs = Order.objects.all()
    if flag:
        qs = cached  # not a queryset expression: the name proves nothing
    return await sync_to_async(qs.count)()


async def shadowed():
    Order = get_model()
    return await sync_to_async(Order.objects.count)()
