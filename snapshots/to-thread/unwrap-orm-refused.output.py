import asyncio

from shop.models import Order
from shop.reports import fetch_report


async def order_status(request, pk):
    # Unwrapped, a sync ORM call raises SynchronousOnlyOperation: kept, native method suggested.
    order = await asyncio.to_thread(Order.objects.get, pk=pk, customer=request.user)
    report = fetch_report(order.pk)
    return order, report
