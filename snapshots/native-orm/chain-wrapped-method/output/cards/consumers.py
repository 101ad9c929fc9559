from channels.generic.websocket import AsyncJsonWebsocketConsumer

from cards.models import Card


class CardConsumer(AsyncJsonWebsocketConsumer):
    async def _count(self):
        return await Card.objects.filter(owner_id=self.scope["user"].pk).acount()

    async def receive_json(self, content):
        total = await self._count()
        await self.send_json({"cards": total})
