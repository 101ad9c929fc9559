from channels.db import database_sync_to_async
from django.contrib.auth import get_user_model
from django.test import TransactionTestCase

User = get_user_model()


class ChatTestCase(TransactionTestCase):
    async def test_connect(self):
        user = await database_sync_to_async(User.objects.create_user)(
            email='user@example.com',
            phone='+79993332211',
            password='pw',
        )
        assert user.pk
