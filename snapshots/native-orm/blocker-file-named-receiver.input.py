from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

from .forms import FeedbackForm


class ChatConsumer(AsyncWebsocketConsumer):
    async def receive(self, text_data=None, bytes_data=None):
        for file in self.scope["files"]:
            await self.file_save(file)
        await self.save_feedback(FeedbackForm(data={"text": text_data}))

    @staticmethod
    @database_sync_to_async
    def file_save(file):
        # A `File` model's instance, or an uploaded file: the name alone cannot tell.
        return file.save()

    @staticmethod
    @database_sync_to_async
    def save_feedback(form):
        if form.is_valid():
            form.save()
