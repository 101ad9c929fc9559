import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_membership_changes():
    alice = await sync_to_async(get_user_model().objects.create)(
        username="alice", email="alice@example.com"
    )
    editors = await sync_to_async(Group.objects.create)(name="editors")
    await sync_to_async(alice.groups.add)(editors)
    await sync_to_async(editors.user_set.remove)(alice)


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_user_created_on_commit(application):
    communicator = WebsocketCommunicator(application, "/ws/members/")
    async with communicator:

        @sync_to_async
        def create_member():
            # The observer fires on commit: the transaction is the point of this test.
            with transaction.atomic():
                return get_user_model().objects.create(username="bob")

        member = await create_member()
        assert member.pk
