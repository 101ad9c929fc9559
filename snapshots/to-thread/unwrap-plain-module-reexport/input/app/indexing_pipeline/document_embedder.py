"""Embedding entry points of the indexing pipeline (kept where callers import them from)."""

from app.utils.document_converters import (
    chunk_count,
    embed_text,
    embed_texts,  # the batch form
)

__all__ = ["chunk_count", "embed_text", "embed_texts"]
