from asgiref.sync import sync_to_async

from tests.conftest import make_profile
from tests.factories import ProfileFactory


async def test_profile_page(client):
    await sync_to_async(ProfileFactory.create)(name="x")
    profile = await sync_to_async(make_profile)(name="ada")
    assert profile.name == "ada"
