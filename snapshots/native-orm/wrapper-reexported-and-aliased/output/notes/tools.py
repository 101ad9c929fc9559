from functools import partial

from asgiref.sync import sync_to_async

from notes.models import Note

db_async = sync_to_async

# A connection per call, outside the shared thread, whether or not Channels is installed.
try:
    from channels.db import (
        database_sync_to_async as _database_sync_to_async,  # type: ignore
    )

    _db_sync_to_async = partial(_database_sync_to_async, thread_sensitive=False)
except ModuleNotFoundError:  # channels is optional
    from asgiref.sync import sync_to_async as _sync_to_async

    _db_sync_to_async = partial(_sync_to_async, thread_sensitive=False)


def count_notes() -> int:
    return Note.objects.count()


async def acount_notes() -> int:
    return await Note.objects.acount()


async def pin(pk: int) -> int:
    return await _db_sync_to_async(Note.objects.filter(pk=pk).update)(pinned=True)
