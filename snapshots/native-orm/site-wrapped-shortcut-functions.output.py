from django.contrib import auth
from django.shortcuts import aget_object_or_404

from shop.models import Order


async def detail(request, pk):
    order = await aget_object_or_404(Order, pk=pk)
    await auth.alogin(request, order.owner_user)
    return order
