from asgiref.sync import sync_to_async

from app.cases import TestCase


class SearchTest(TestCase):
    async def test_detail(self) -> None:
        await sync_to_async(self.async_client.login)(
            username="pandora",  # a fixture user
            password="password",
        )
        response = await self.async_client.get("/opinion/1/")
        self.assertEqual(response.status_code, 200)
        await sync_to_async(self.async_client.logout)()
