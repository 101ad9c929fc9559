from django.shortcuts import aget_object_or_404, get_object_or_404

from shop.models import Order


def _order_or_404(pk):
    # Also called by the sync admin view: keeps its sync form.
    return get_object_or_404(Order, pk=pk)


async def _aorder_or_404(pk):
    # Also called by the sync admin view: keeps its sync form.
    return await aget_object_or_404(Order, pk=pk)


async def order_status(pk):
    return (await _aorder_or_404(pk)).status
