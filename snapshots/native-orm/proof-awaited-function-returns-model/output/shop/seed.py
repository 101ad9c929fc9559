from asgiref.sync import sync_to_async

from shop import factories
from shop.factories import find_shop
from shop.models import Shop


async def seed():
    shop = await factories.make_shop("corner")
    shelf = await shop.shelves.aget(slug="top")
    return shelf


async def seed_optional():
    shop = await find_shop("corner")
    return await shop.shelves.acount()


async def seed_wrapped(pk):
    shop = await factories.load_shop(pk)
    return await shop.shelves.acount()


async def seed_local(pk):
    shop = await _local_shop(pk)
    return await shop.shelves.afirst()


async def _local_shop(pk) -> Shop:
    return await Shop.objects.aget(pk=pk)


async def seed_cached(name):
    # Another decorator may return anything: not proven.
    shop = await factories.cached_shop(name)
    return await sync_to_async(shop.shelves.count)()
