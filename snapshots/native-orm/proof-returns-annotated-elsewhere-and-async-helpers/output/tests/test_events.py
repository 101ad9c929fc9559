from ops.events import apublish


async def test_publish():
    assert await apublish(group="user.E1")
