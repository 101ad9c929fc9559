"""Bot texts stored in the database (tg_search src/apps/bot/helpers.py)."""
from asgiref.sync import sync_to_async
from django.db import models

MAX_GROUPS_PER_USER = 5


class ChatText(models.Model):
    name = models.CharField(max_length=200, unique=True)
    text = models.TextField()
    image = models.ImageField(upload_to="texts/", blank=True)


async def get_group_list_message() -> str:
    return (await ChatText.objects.aget(name="group_list")).text.format(count=MAX_GROUPS_PER_USER)


async def get_welcome_message(name: str) -> str:
    return (await ChatText.objects.aget(name="start")).text % name


@sync_to_async
def get_banner_path() -> str:
    # A file field: its path() may ask the storage.
    return ChatText.objects.get(name="banner").image.path.strip()
