from asgiref.sync import sync_to_async

from notes.models import Note


async def create_note(owner, text: str) -> Note:
    return await Note.objects.acreate(owner=owner, text=text)


async def count_notes(owner) -> int:
    return await Note.objects.filter(owner=owner).acount()


@sync_to_async
def archive_note(owner, pk) -> int:
    return Note.objects.filter(owner=owner, pk=pk).delete()[0]
