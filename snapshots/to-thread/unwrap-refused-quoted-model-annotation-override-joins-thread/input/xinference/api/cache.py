import threading


class ApiKeyCache:
    """Process-wide cache of API keys, shared by the request threads."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._keys: dict[str, str] = {}

    def get(self, key: str, default=None):
        with self._lock:
            return self._keys.get(key, default)
