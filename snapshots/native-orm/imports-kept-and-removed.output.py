from asgiref.sync import async_to_sync, sync_to_async

from shop.models import Order
from shop.services import sync_remote


async def count():
    return await Order.objects.acount()


def refresh():
    async_to_sync(sync_remote)()


async def other():
    # sync_to_async still wraps a project function here: the import stays
    return await sync_to_async(sync_remote)()
