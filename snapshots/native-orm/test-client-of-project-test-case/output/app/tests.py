from app.cases import TestCase


class SearchTest(TestCase):
    async def test_detail(self) -> None:
        await self.async_client.alogin(
            username="pandora",  # a fixture user
            password="password",
        )
        response = await self.async_client.get("/opinion/1/")
        self.assertEqual(response.status_code, 200)
        await self.async_client.alogout()
