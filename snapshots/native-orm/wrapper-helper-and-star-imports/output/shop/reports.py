from shop.models import *  # noqa: F403  (the app's models, as every module of this app does)


async def active_count() -> int:
    return await Category.objects.filter(active=True).acount()
