from asgiref.sync import sync_to_async
from django.contrib import auth
from django.shortcuts import get_object_or_404

from shop.models import Order


async def detail(request, pk):
    order = await sync_to_async(get_object_or_404)(Order, pk=pk)
    await sync_to_async(auth.login)(request, order.owner_user)
    return order
