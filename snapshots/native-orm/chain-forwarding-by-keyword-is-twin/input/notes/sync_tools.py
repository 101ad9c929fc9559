"""The sync tool registry: it keeps calling the sync forms."""
from notes.tools import add_document_note, count_notes


def note_tool(document_id: int, title: str, content: str, user_id: int):
    return add_document_note(
        document_id=document_id, title=title, content=content, creator_id=user_id
    )


def count_tool(document_id: int, user_id: int) -> int:
    return count_notes(document_id, user_id)
