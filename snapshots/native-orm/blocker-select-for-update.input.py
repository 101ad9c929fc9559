from asgiref.sync import sync_to_async

from shop.models import Order


async def lock(pk):
    return await sync_to_async(Order.objects.select_for_update().get)(pk=pk)


async def lock_lambda(pk):
    return await sync_to_async(lambda: Order.objects.select_for_update(nowait=True).filter(pk=pk).first())()
