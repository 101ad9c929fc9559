import threading
from typing import Any, Dict


class ApiKeyCache:
    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._items: Dict[str, Any] = {}

    def get(self, key: str) -> Any:
        with self._lock:
            return self._items.get(key)

    def add(self, key: str, value: Any) -> None:
        with self._lock:
            self._items[key] = value
