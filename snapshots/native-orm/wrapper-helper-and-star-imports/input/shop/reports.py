from asgiref.sync import sync_to_async

from shop.models import *  # noqa: F403  (the app's models, as every module of this app does)


async def active_count() -> int:
    return await sync_to_async(Category.objects.filter(active=True).count)()
