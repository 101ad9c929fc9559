from asgiref.sync import (
    SyncToAsync,
    async_to_sync,
    sync_to_async,
)

from .clients import fetch


def view(request):
    return async_to_sync(fetch)(request.path)
