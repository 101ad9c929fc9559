import threading
from contextlib import contextmanager


class DatabaseConnectionManager:
    _pool_lock = threading.Lock()

    @contextmanager
    def create_session(self):
        # The pool is shared with the Celery worker threads.
        with self._pool_lock:
            yield object()
