from asgiref.sync import sync_to_async

from app.events import publish


async def test_publish():
    assert await sync_to_async(publish)(group="user.E1")
