from asgiref.sync import sync_to_async
from django.test import TestCase

from hooks.models import Webhook, WebhookEvent
from hooks.webhooks import ping, send_webhook_event


class WebhookTests(TestCase):
    async def test_send(self):
        hook = await Webhook.objects.acreate(url="https://example.com/hook")
        event = await WebhookEvent.objects.acreate(webhook=hook, payload={"ok": True})
        await sync_to_async(send_webhook_event)(event)

    async def test_ping(self):
        self.assertEqual(await sync_to_async(ping)("https://example.com/health"), 200)
