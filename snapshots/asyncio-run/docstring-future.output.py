"""Synchronisation tasks.

Run by the Celery workers.
"""
from __future__ import annotations

from asgiref.sync import async_to_sync


def load(fetch, url: str) -> dict:
    return async_to_sync(fetch)(url)
