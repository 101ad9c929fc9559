import asyncio

from asgiref.sync import (
    SyncToAsync,
    sync_to_async,
)

from .clients import fetch


def view(request):
    return asyncio.run(fetch(request.path))
