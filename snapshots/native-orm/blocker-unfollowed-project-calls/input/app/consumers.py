from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from app import services
from app.services import heartbeat


class GatewayConsumer(AsyncJsonWebsocketConsumer):
    async def receive_json(self, content, **kwargs):
        await self._heartbeat()
        await self._beat()
        await self._presence()

    @database_sync_to_async
    def _heartbeat(self):
        services.heartbeat(self.emp_id)

    @database_sync_to_async
    def _beat(self):
        heartbeat(self.emp_id)

    @database_sync_to_async
    def _presence(self):
        from app.services import PresenceService

        PresenceService().heartbeat(self.emp_id)
