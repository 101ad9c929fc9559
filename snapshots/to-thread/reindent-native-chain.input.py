import asyncio

from django.db.models import Count

from shop.models import Order


async def open_order_count(request):
    loop = asyncio.get_running_loop()
    result = await loop.run_in_executor(
        None,
        lambda: Order.objects.filter(
            status="open",
        ).aggregate(
            n=Count("id"),
        )
    )
    return result["n"]


async def open_totals(customer_id):
    return await asyncio.to_thread(
        lambda: Order.objects.filter(
            customer_id=customer_id,
            status="open",
        ).values(
            "currency",
        ).aggregate(
            total=Count("id"),
        )
    )
