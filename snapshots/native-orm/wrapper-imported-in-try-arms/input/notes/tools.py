"""Agent tools: Channels' wrapper when installed, else asgiref's, under one name."""
from notes.models import Note

try:
    from channels.db import database_sync_to_async as _db_async
except ModuleNotFoundError:  # Channels is optional
    from asgiref.sync import sync_to_async as _db_async

from asgiref.sync import sync_to_async as run_in_thread


def count_notes() -> int:
    return Note.objects.count()


async def acount_notes() -> int:
    # Either arm may be the one bound: Channels' closes stale connections, so it is not followed.
    return await _db_async(count_notes)()


async def alatest_body() -> str:
    # Under another name, asgiref's wrapper is converted as ever.
    note = await run_in_thread(Note.objects.latest)("pk")
    return note.body
