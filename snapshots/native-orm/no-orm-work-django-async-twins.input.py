from asgiref.sync import sync_to_async
from django.contrib.auth import authenticate
from django.core.cache import cache
from django.core.mail import send_mail
from django.test import TestCase


class CheckoutTests(TestCase):
    async def test_checkout_needs_login(self):
        await sync_to_async(self.client.force_login)(self.user)
        await sync_to_async(self.client.login)(username="ana", password="s3cret")
        response = await self.async_client.get("/checkout/")
        self.assertEqual(response.status_code, 200)

    async def test_profile_saved(self):
        self.user.first_name = "Zoë"
        await sync_to_async(self.user.save)()
        await sync_to_async(self.user.refresh_from_db)()


async def sign_in(request, username, password):
    user = await sync_to_async(authenticate)(request, username=username, password=password)
    if user is not None and await sync_to_async(user.check_password)(password):
        await sync_to_async(request.session.save)()
    return user


async def cached_total(key):
    total = await sync_to_async(cache.get)(key)
    await sync_to_async(send_mail)("total", str(total), "shop@example.com", ["ops@example.com"])
    return total


@sync_to_async
def rename(profile, name):
    profile.display_name = name
    profile.save(update_fields=["display_name"])
