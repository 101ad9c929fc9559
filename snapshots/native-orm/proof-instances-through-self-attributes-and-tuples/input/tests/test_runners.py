from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from django.contrib.auth.models import User

from agents.models import Runner


def _setup():
    user = User.objects.create_user("jj", "jj@example.com", "pw")
    runner = Runner.objects.create(name="r1", paired_by=user)
    return user, runner


async def test_rename_runner():
    user, runner = await sync_to_async(_setup)()

    @sync_to_async
    def _rename():
        runner.name = "r2"
        runner.save(update_fields=["name"])

    await _rename()


async def test_two_runners():
    first, second = await database_sync_to_async(lambda: (
        Runner.objects.create(name="a1"),
        Runner.objects.create(name="b1"),
    ))()
    await database_sync_to_async(first.refresh_from_db)()
    await database_sync_to_async(second.refresh_from_db)()
    assert first.name == "a1"
