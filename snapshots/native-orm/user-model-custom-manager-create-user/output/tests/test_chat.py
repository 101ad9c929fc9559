from django.contrib.auth import get_user_model
from django.test import TransactionTestCase

User = get_user_model()


class ChatTestCase(TransactionTestCase):
    async def test_connect(self):
        user = await User.objects.acreate_user(
            email='user@example.com',
            phone='+79993332211',
            password='pw',
        )
        assert user.pk
