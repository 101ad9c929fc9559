from asgiref.sync import sync_to_async

from pkg.services.auth import create_token


async def test_token():
    assert await sync_to_async(create_token)("k") == "k"
