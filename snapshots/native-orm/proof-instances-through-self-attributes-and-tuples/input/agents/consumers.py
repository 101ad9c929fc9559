import uuid
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from agents.models import ChatRoom, DelegatedToken


class RoomConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        raw_id = self.scope["url_route"]["kwargs"]["room_id"]
        room = await self._get_room(raw_id)
        if room is None:
            await self.close(code=4004)
            return
        self.room = room
        await self.accept()
        await self.send_json(await self._snapshot())

    @database_sync_to_async
    def _get_room(self, raw_id):
        try:
            return ChatRoom.objects.get(pk=uuid.UUID(str(raw_id)).int)
        except (ChatRoom.DoesNotExist, ValueError):
            return None

    @database_sync_to_async
    def _snapshot(self):
        parts = list(self.room.participants.all())
        return {"title": self.room.title, "n": len(parts)}


@database_sync_to_async
def user_from_query_token(scope):
    """?token=<raw> on the WebSocket URL."""
    qs = parse_qs((scope.get("query_string") or b"").decode("latin1"))
    values = qs.get("token") or []
    if not values:
        return None
    token = DelegatedToken.lookup(values[0])
    if token is not None and token.user.is_active:
        return token.user
    return None
