import collections
import threading
from functools import cached_property

_SETTINGS_LOCK = threading.Lock()


class SafeMap:
    """A dict guarded by a lock, read from worker threads."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._data: dict = {}
        self._closed = False

    def __len__(self) -> int:
        with self._lock:
            return len(self._data)

    def __getitem__(self, key):
        with self._lock:
            return self._data[key]

    def __setitem__(self, key, value) -> None:
        with self._lock:
            self._data[key] = value

    def __contains__(self, key) -> bool:
        with self._lock:
            return key in self._data

    def __iter__(self):
        with self._lock:
            return iter(list(self._data))

    def __bool__(self) -> bool:
        with self._lock:
            return bool(self._data)

    @property
    def closed(self) -> bool:
        with self._lock:
            return self._closed

    @closed.setter
    def closed(self, value: bool) -> None:
        with self._lock:
            self._closed = value


class Settings:
    @cached_property
    def values(self) -> dict:
        with _SETTINGS_LOCK:
            return {"debug": False}


class Plain:
    def __init__(self) -> None:
        self.items: list = []
        self.name = ""

    def __len__(self) -> int:
        return len(self.items)


registry = SafeMap()


# a library's mapping: its implicit methods are library code, as in the file that made it
ordered = collections.OrderedDict()


def plain_items() -> list:
    return [1]
