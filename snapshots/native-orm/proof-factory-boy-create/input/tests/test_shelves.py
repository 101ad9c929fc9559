from asgiref.sync import sync_to_async

from tests import factories as f


async def test_first_shelf():
    shop = await f.create_shop()
    shelf = await sync_to_async(shop.shelves.first)()
    assert shelf is None


async def test_shelf_count():
    shop = await f.create_shop(name="kiosk")
    assert await sync_to_async(shop.shelves.count)() == 0
