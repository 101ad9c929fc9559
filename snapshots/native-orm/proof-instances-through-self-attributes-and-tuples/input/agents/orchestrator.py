from typing import Optional

from asgiref.sync import sync_to_async

from agents.models import AgentSession, ChatRoom


class MasterOrchestrator:
    def __init__(self, user):
        self.user = user
        self._agent_session: Optional[AgentSession] = None

    async def start(self):
        self._agent_session = await AgentSession.objects.acreate(status="active")

    async def pause(self):
        if self._agent_session:
            self._agent_session.status = "paused"
            await sync_to_async(self._agent_session.save)()


class RoomConsumer:
    async def connect(self, room_id):
        # Loaded here, read by the handlers below.
        self.room = await ChatRoom.objects.aget(pk=room_id)
        return await self.snapshot()

    @sync_to_async
    def snapshot(self):
        nicknames = list(self.room.participants.values_list("nickname", flat=True))
        return {"title": self.room.title, "people": nicknames}
