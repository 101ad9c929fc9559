from hooks.models import WebhookEvent


def mark_sent(webhook_event: WebhookEvent, status_code: int) -> None:
    webhook_event.status = status_code
    webhook_event.save(update_fields=["status"])
