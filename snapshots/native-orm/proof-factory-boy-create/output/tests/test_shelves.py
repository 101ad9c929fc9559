from tests import factories as f


async def test_first_shelf():
    shop = await f.create_shop()
    shelf = await shop.shelves.afirst()
    assert shelf is None


async def test_shelf_count():
    shop = await f.create_shop(name="kiosk")
    assert await shop.shelves.acount() == 0
