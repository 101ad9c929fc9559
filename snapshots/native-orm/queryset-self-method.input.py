from asgiref.sync import sync_to_async
from django.db import models


class ChannelQuerySet(models.QuerySet):
    async def from_message(self, message):
        channel, created = await sync_to_async(self.get_or_create)(
            discord_id=message.channel.id,
            defaults={"name": message.channel.name},  # the first name seen wins
        )
        return channel


class RoleQuerySet(models.QuerySet):
    async def aget_or_create(self, defaults=None, **kwargs):
        # The project's own: never creates a role for a guild it does not know.
        return await self.filter(**kwargs).afirst(), False

    async def from_message(self, message):
        role, created = await sync_to_async(self.get_or_create)(discord_id=message.role.id)
        return role


class Channel(models.Model):
    discord_id = models.BigIntegerField(unique=True)
    name = models.CharField(max_length=100)

    objects = ChannelQuerySet.as_manager()


class Role(models.Model):
    discord_id = models.BigIntegerField(unique=True)

    objects = RoleQuerySet.as_manager()
