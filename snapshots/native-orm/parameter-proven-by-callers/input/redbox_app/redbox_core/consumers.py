import logging
from collections.abc import Mapping, MutableSequence, Sequence
from dataclasses import dataclass

from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.utils import timezone

from redbox_app.redbox_core.models import Chat, File

logger = logging.getLogger(__name__)


@dataclass
class CoreChatResponseDoc:
    file_uuid: str
    page_content: str


class ChatConsumer(AsyncWebsocketConsumer):
    async def llm_conversation(self, session: Chat, core_websocket) -> None:
        reply, citations, route = await self.receive_llm_responses(core_websocket)
        for file, _ in citations:
            file.last_referenced = timezone.now()
            await self.file_save(file)
        chat = await sync_to_async(Chat.objects.get)(pk=session.pk)
        await self.rename(chat, reply[:40])

    async def receive_llm_responses(
        self, core_websocket
    ) -> tuple[str, Sequence[tuple[File, CoreChatResponseDoc]], str]:
        """Conduct websocket conversation with the core-api message endpoint."""
        full_reply: MutableSequence[str] = []
        citations: MutableSequence[tuple[File, CoreChatResponseDoc]] = []
        route: str | None = None
        async for raw_message in core_websocket:
            full_reply.append(raw_message)
        return "".join(full_reply), citations, route

    @staticmethod
    @database_sync_to_async
    def file_save(file):
        return file.save()

    @staticmethod
    @sync_to_async
    def rename(chat, name):
        chat.name = name
        chat.save(update_fields=["name"])

    async def send_to_client(self, message_type: str, data: Mapping[str, str] | None = None) -> None:
        await self.send(text_data=str({"type": message_type, "data": data}))
