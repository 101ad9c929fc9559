from asgiref.sync import sync_to_async

from shop.models import Order


async def export(writer):
    async for order in Order.objects.filter(status="paid").aiterator(chunk_size=500):
        writer.writerow([order.pk])
    rows = Order.objects.all().iterator()
    total = sum(Order.objects.filter(pk=o).count() for o in writer.ids)
    return rows, total


async def wrapped():
    return await sync_to_async(Order.objects.all().iterator)()
