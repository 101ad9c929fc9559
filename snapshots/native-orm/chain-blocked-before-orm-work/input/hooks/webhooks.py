import requests

from hooks.models import WebhookEvent
from hooks.utils import mark_sent


def send_webhook_event(webhook_event: WebhookEvent) -> None:
    response = requests.post(
        webhook_event.webhook.url,
        json=webhook_event.payload,
        timeout=10,  # seconds, as the receivers' docs ask
    )
    mark_sent(webhook_event, response.status_code)


def ping(url: str) -> int:
    return requests.get(url, timeout=5).status_code
