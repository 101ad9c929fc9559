from asgiref.sync import sync_to_async
from django.test.client import AsyncClient, Client

from app.cases import FreshClientTestCase, SimpleUserDataMixin, TestCase
from app.clients import CredentialsClient, TracingClient


class DonationIntegrationTest(SimpleUserDataMixin, TestCase):
    def setUp(self) -> None:
        self.client = Client()
        self.async_client = AsyncClient()

    async def test_donation_needs_login(self) -> None:
        await sync_to_async(self.client.login)(**self.user_data())
        response = await self.async_client.get("/donate/")
        self.assertEqual(response.status_code, 200)
        await sync_to_async(self.async_client.logout)()


class UploadPublication(TestCase):
    async def asyncSetUp(self) -> None:
        self.async_client = AsyncClient(headers={"accept-language": "fr"})

    async def test_upload(self) -> None:
        await sync_to_async(self.async_client.force_login)(
            self.user,  # the court's clerk
        )


class ProfileTest(FreshClientTestCase):
    async def test_profile(self) -> None:
        await sync_to_async(self.client.login)(username="zoë", password="s3cret")


class TracedTest(TestCase):
    def setUp(self) -> None:
        self.client = TracingClient()

    async def test_traced(self) -> None:
        await sync_to_async(self.client.logout)()


class CredentialsTest(TestCase):
    def setUp(self) -> None:
        # Its logout() also drops the credentials: alogout() would not.
        self.client = CredentialsClient()

    async def test_logout(self) -> None:
        await sync_to_async(self.client.logout)()


class SwitchedClientTest(TestCase):
    def setUp(self) -> None:
        self.client = Client()

    def use_api(self) -> None:
        self.client = self.make_api_client()

    async def test_login(self) -> None:
        await sync_to_async(self.client.login)(username="pandora", password="password")
