from django.db.models import Count

from shop.models import Order


async def open_order_count(request):
    result = await Order.objects.filter(
        status="open",
    ).aaggregate(
        n=Count("id"),
    )
    return result["n"]


async def open_totals(customer_id):
    return await Order.objects.filter(
        customer_id=customer_id,
        status="open",
    ).values(
        "currency",
    ).aaggregate(
        total=Count("id"),
    )
