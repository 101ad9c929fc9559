from shop.models import Order


async def count_open():
    return await Order.objects.filter(status="open").acount()


async def page(request, pk):
    from django.shortcuts import aget_object_or_404

    return await aget_object_or_404(Order, pk=pk)
