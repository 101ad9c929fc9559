from asgiref.sync import sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from cards.models import Card


class CardConsumer(AsyncJsonWebsocketConsumer):
    def _count(self):
        return Card.objects.filter(owner_id=self.scope["user"].pk).count()

    async def receive_json(self, content):
        total = await sync_to_async(self._count)()
        await self.send_json({"cards": total})
