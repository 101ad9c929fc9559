from pkg.services.auth import acreate_token


async def test_token():
    assert await acreate_token("k") == "k"
