from ops.clock import now_ist, today_label
from ops.models import OutboxEvent


def publish(*, group: str):
    event = OutboxEvent.objects.create(topic=group, ts=now_ist().isoformat())
    return f"{today_label().upper()}:{event.id}"
