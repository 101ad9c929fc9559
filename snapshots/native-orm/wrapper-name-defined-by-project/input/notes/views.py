from core.asyncio import sync_to_async

from notes.models import Note


async def count_notes():
    return await sync_to_async(Note.objects.count)()
