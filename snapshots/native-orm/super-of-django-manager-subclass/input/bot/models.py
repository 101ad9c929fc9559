from django.db import models

from bot.managers import AsyncBaseManager, MixedManager


class Chat(models.Model):
    chat_id = models.BigIntegerField()

    objects = AsyncBaseManager()
    mixed = MixedManager()
