"""Tools the assistant calls: each has a sync form and an async one named as Django names twins."""
from asgiref.sync import sync_to_async

from notes.models import Note


def get_note_body(note_id: int) -> str:
    try:
        note = Note.objects.get(pk=note_id)
    except Note.DoesNotExist as exc:
        raise ValueError(f"Note {note_id} does not exist.") from exc
    return note.body


async def aget_note_body(note_id: int) -> str:
    """Async wrapper around get_note_body."""
    return await sync_to_async(get_note_body)(note_id)


def rename_note(note_id: int, title: str) -> None:
    Note.objects.filter(pk=note_id).update(title=title)


async def arename_note(note_id: int, title: str, *, notify: bool = False) -> None:
    # Not the same signature as rename_note: an ordinary wrapper.
    await sync_to_async(rename_note)(note_id, title)
