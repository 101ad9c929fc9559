from django.db import transaction

from shop.models import Order


async def archive(request):
    # Queries inside atomic() in async def would not join the transaction: left alone, reported.
    with transaction.atomic():
        Order.objects.filter(status="old").update(status="archived")
    locked = Order.objects.select_for_update().get(pk=1)
    return await Order.objects.acount(), locked
