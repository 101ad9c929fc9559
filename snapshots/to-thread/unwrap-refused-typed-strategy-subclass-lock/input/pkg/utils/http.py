import threading
from typing import Optional

import httpx

_global_sync_client: Optional[httpx.Client] = None
_sync_client_lock = threading.Lock()


def get_default_sync_client() -> httpx.Client:
    """Thread-safe lazy initialization using double-checked locking."""
    global _global_sync_client
    if _global_sync_client is not None and not _global_sync_client.is_closed:
        return _global_sync_client
    with _sync_client_lock:
        if _global_sync_client is None or _global_sync_client.is_closed:
            _global_sync_client = httpx.Client(timeout=httpx.Timeout(60.0))
    return _global_sync_client
