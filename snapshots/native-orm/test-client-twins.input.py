from asgiref.sync import sync_to_async
from django.test import TestCase, TransactionTestCase

from shop.models import Order


class ShopTestCase(TestCase):
    """The project's base test case: fixtures shared by every shop test."""


class CheckoutTests(ShopTestCase):
    async def test_checkout_needs_login(self):
        await sync_to_async(self.client.force_login)(self.user)
        response = await self.async_client.get("/checkout/")
        self.assertEqual(response.status_code, 200)
        await sync_to_async(self.client.logout)()

    async def test_login_by_password(self):
        ok = await sync_to_async(self.client.login)(
            username="zoë",  # non-ASCII on purpose
            password="s3cret",
        )
        self.assertTrue(ok)


class ApiTests(TransactionTestCase):
    def setUp(self):
        # Another client: its login methods are its own, not Django's test client's.
        self.client = ApiClient()

    async def test_orders(self):
        await sync_to_async(self.client.force_login)(self.user)
        self.assertEqual(await Order.objects.acount(), 0)
