from core.utils import sync_to_async

from notes.models import Note


async def pinned_count():
    return await sync_to_async(Note.objects.filter(pinned=True).count)()


@sync_to_async
def note_body(pk):
    return Note.objects.get(pk=pk).body
