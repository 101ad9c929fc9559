"""Async helpers shared by the apps."""
from asgiref.sync import sync_to_async  # noqa: F401  (re-exported)

__all__ = ["chunked", "sync_to_async"]


def chunked(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]
