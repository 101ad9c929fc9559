from asgiref.sync import sync_to_async

from notes.models import Note


@sync_to_async
def create_note(owner, text: str) -> Note:
    return Note.objects.create(owner=owner, text=text)


@sync_to_async
def count_notes(owner) -> int:
    return Note.objects.filter(owner=owner).count()


@sync_to_async
def archive_note(owner, pk) -> int:
    return Note.objects.filter(owner=owner, pk=pk).delete()[0]
