from asgiref.sync import sync_to_async
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
