"""Outbox events fanned out to websocket groups (operationsTrackingArdur's shape)."""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from app.models import OutboxEvent


def publish(*, group: str):
    seq = OutboxEvent.objects.create(topic=group, ts="").id
    layer = get_channel_layer()  # the configured layer: a lookup, no query
    if layer is None:
        return seq
    async_to_sync(layer.group_send)(group, {"type": "fanout", "seq": seq})
    return seq
