from django.shortcuts import get_object_or_404

from shop.models import Order


def aget_object_or_404(*args):
    return None


async def page(pk):
    return get_object_or_404(Order, pk=pk)
