from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from chat.models import Room


class RoomConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        self.room = await database_sync_to_async(Room.objects.get)(name=self.scope["url_route"]["kwargs"]["name"])
        await self.accept()

    @database_sync_to_async
    def member_count(self):
        return self.room_members().count()


@database_sync_to_async
def room_count():
    return Room.objects.count()
