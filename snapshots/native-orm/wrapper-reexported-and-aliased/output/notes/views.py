from core.utils import sync_to_async

from notes.models import Note


async def pinned_count():
    return await Note.objects.filter(pinned=True).acount()


async def note_body(pk):
    return (await Note.objects.aget(pk=pk)).body
