import os
import tempfile
from contextlib import contextmanager

import portalocker


@contextmanager
def named_lock(name: str, timeout: float = 30.0):
    """A lock shared by every worker process on this host."""
    path = os.path.join(tempfile.gettempdir(), f"{name}.lock")
    lock = portalocker.Lock(path, timeout=timeout)
    lock.acquire()
    try:
        yield
    finally:
        lock.release()
