from .threads import sync_to_async
