import threading
from collections import defaultdict
from contextlib import contextmanager
from functools import wraps


def synchronized(fn):
    lock = threading.Lock()

    @wraps(fn)
    def wrapper(*args, **kwargs):
        with lock:
            return fn(*args, **kwargs)

    return wrapper


_key_locks = defaultdict(threading.Lock)


@contextmanager
def locked(key: str):
    with _key_locks[key]:
        yield


class Counter:
    _cond = threading.Condition()

    def __init__(self) -> None:
        self.value = 0
        self._mutex = threading.RLock()

    @contextmanager
    def _locked(self):
        with self._mutex:
            yield

    def bump(self) -> int:
        with self._locked():
            self.value += 1
            return self.value

    def bump_manual(self) -> int:
        self._mutex.acquire()
        try:
            self.value += 1
            return self.value
        finally:
            self._mutex.release()

    def wait_for(self, n: int) -> None:
        with self._cond:
            self._cond.wait_for(lambda: self.value >= n)


_HANDLERS: dict = {}


def register(fn):
    """Keeps the function by name and hands it back unchanged: nothing runs around it."""
    _HANDLERS[fn.__name__] = fn
    return fn
