from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from django.db import models


class Profile(models.Model):
    telegram_id = models.BigIntegerField(unique=True)
    language = models.CharField(max_length=8, default="uz")


def get_member(func):
    async def wrap(update, context, *args, **kwargs):
        user, created = await Profile.objects.aget_or_create(
            telegram_id=update.message.chat_id,
            defaults={"language": "uz"},
        )
        if created:
            user.language = "ru"
            # asave is a coroutine function: the wrapper raises TypeError before anything runs.
            await database_sync_to_async(user.asave)()
        return await func(update, context, user, *args, **kwargs)

    return wrap


async def forget(telegram_id):
    profiles = Profile.objects.filter(telegram_id=telegram_id)
    await sync_to_async(profiles.adelete, thread_sensitive=False)()
