from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from aap.models import Activation


class AnsibleRulebookConsumer(AsyncJsonWebsocketConsumer):
    """Long-lived: one connection per worker, for hours."""

    async def receive_json(self, content, **kwargs):
        activation = await self.get_activation(content["activation_id"])
        await self.send_json({"name": activation.name})

    @database_sync_to_async
    def get_activation(self, activation_id):
        return Activation.objects.get(pk=activation_id)
