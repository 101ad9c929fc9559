from asgiref.sync import (
    async_to_sync,
)

from shop.models import Order


async def count():
    return await Order.objects.acount()


def noop():
    return async_to_sync
