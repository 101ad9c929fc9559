"""The sync tool registry: it keeps calling the sync forms."""
from notes.tools import get_note_body, rename_note


def note_tool(note_id: int) -> str:
    return get_note_body(note_id)


def rename_tool(note_id: int, title: str) -> None:
    rename_note(note_id, title)
