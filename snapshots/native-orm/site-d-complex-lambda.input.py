from asgiref.sync import sync_to_async

from shop.models import Item, Order


async def owner_of(item_id):
    return await sync_to_async(lambda: Order.objects.get(pk=Item.objects.get(pk=item_id).order_id))()


async def reference(pk):
    return await sync_to_async(lambda: Order.objects.get(pk=pk).reference)()


async def legit(pk):
    # not ORM: a plain thread wrapper, left alone silently
    return await sync_to_async(lambda: expensive_pdf(pk))()
