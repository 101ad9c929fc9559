from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from facade import caller_events, models


class AgentConsumer(AsyncJsonWebsocketConsumer):
    @database_sync_to_async
    def _build_execution_event(self, event_id):
        try:
            event = models.TaskEvent.objects.get(id=event_id)
        except models.TaskEvent.DoesNotExist:
            return None
        return caller_events.build_execution_event(event.id)

    async def on_event(self, event_id: int):
        event = await self._build_execution_event(event_id)
        await self.send_json(event)
