from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.db import models


class Waiter(models.Model):
    identifier = models.CharField(max_length=64, unique=True)


def activate_waiter(identifier):
    waiter, _ = Waiter.objects.get_or_create(identifier=identifier)
    return waiter


class WatchmanConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        # A bug of the code: the wrapper is awaited, never called.
        self.waiter = await sync_to_async(
            activate_waiter
        )
        await self.accept()


class GroupConsumer(AsyncWebsocketConsumer):
    async def receive(self, text_data=None, bytes_data=None):
        # create() runs at once, here; the wrapper is made of the new row
        await database_sync_to_async(Waiter.objects.create(
            identifier=text_data,
        ))
        await database_sync_to_async(activate_waiter(text_data))
