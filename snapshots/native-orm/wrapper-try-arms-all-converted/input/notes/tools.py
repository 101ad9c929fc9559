"""Agent tools: Channels' wrapper when installed, else asgiref's, under one name."""
from notes.models import Note

try:
    from channels.db import database_sync_to_async as _db_async
except ModuleNotFoundError:  # Channels is optional
    from asgiref.sync import sync_to_async as _db_async

from django.conf import settings


async def alatest_body() -> str:
    note = await _db_async(Note.objects.latest)("pk")
    return note.body


async def anote_count() -> int:
    return await _db_async(Note.objects.filter(owner=settings.SITE_ID).count)()
