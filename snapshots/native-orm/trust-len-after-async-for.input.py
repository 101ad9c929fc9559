from .models import Order


async def report(status):
    qs = Order.objects.filter(status=status)
    names = []
    async for order in qs:
        names.append(order.pk)
    # `async for` filled the queryset's cache: len() runs no query
    return len(qs), names


async def before_loop(status):
    qs = Order.objects.filter(status=status)
    count = len(qs)  # evaluated here, synchronously: AS204
    async for order in qs:
        count -= 1
    return count
