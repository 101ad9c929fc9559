import threading
import threading as th
from threading import BoundedSemaphore, Lock

REGISTRY_LOCK = Lock()
_sem = BoundedSemaphore(4)
_alias_lock = th.RLock()


class TokenCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._token = None

    @property
    def token(self) -> str:
        with self._lock:
            if self._token is None:
                self._token = "t"
            return self._token


class Guard:
    _global = threading.Lock()

    def __enter__(self):
        self._global.acquire()
        return self

    def __exit__(self, *exc):
        self._global.release()


class Tracker:
    def __init__(self, name: str) -> None:
        with REGISTRY_LOCK:
            self.name = name


class BaseStore:
    _class_lock = threading.Lock()


_cache = TokenCache()


def get_cache() -> TokenCache:
    return _cache
