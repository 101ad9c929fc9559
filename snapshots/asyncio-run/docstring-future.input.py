"""Synchronisation tasks.

Run by the Celery workers.
"""
from __future__ import annotations

import asyncio


def load(fetch, url: str) -> dict:
    return asyncio.run(fetch(url))
