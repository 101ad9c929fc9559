from asgiref.sync import sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

# django_app/ holds manage.py (and an __init__.py): Django imports chatapp from there.
from chatapp.core.models import Chat, get_chat_session


class ChatConsumer(AsyncWebsocketConsumer):
    async def receive(self, text_data=None, bytes_data=None):
        chat: Chat = await sync_to_async(get_chat_session)(chat_id=text_data)
        await self.send(chat.name)
