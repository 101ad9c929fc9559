from asgiref.sync import sync_to_async
from django.test import Client
from rest_framework.test import APITestCase

from billing.cases import ApiTestCase


class InvoiceApiTest(ApiTestCase):
    async def test_logout(self) -> None:
        await sync_to_async(self.client.logout)()


class TokenApiTest(APITestCase):
    def setUp(self) -> None:
        # DRF's test case: self.client is its APIClient, whatever else setUp builds.
        self.api = Client()

    async def test_logout_drops_credentials(self) -> None:
        await sync_to_async(self.client.logout)()
