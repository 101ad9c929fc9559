from shop.models import Order


async def count_open():
    from asgiref.sync import sync_to_async

    return await sync_to_async(Order.objects.filter(status="open").count)()


async def page(request, pk):
    from django.shortcuts import get_object_or_404

    return get_object_or_404(Order, pk=pk)
