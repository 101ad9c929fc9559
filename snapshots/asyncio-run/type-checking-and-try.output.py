from __future__ import annotations

from typing import TYPE_CHECKING

from asgiref.sync import async_to_sync
from celery import shared_task

if TYPE_CHECKING:
    from asgiref.sync import sync_to_async

try:
    from asgiref.sync import iscoroutinefunction
except ImportError:
    from inspect import iscoroutinefunction

from .clients import fetch


@shared_task
def load(url):
    return async_to_sync(fetch)(url)
