from asgiref.sync import sync_to_async

from api.cases import APITestCase


class TokenTest(APITestCase):
    async def test_logout(self) -> None:
        # DRF's client: its logout() also drops forced credentials, alogout() does not.
        await sync_to_async(self.client.logout)()
