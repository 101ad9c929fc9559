"""Agent tools: Channels' wrapper when installed, else asgiref's, under one name."""
from notes.models import Note

from django.conf import settings


async def alatest_body() -> str:
    note = await Note.objects.alatest("pk")
    return note.body


async def anote_count() -> int:
    return await Note.objects.filter(owner=settings.SITE_ID).acount()
