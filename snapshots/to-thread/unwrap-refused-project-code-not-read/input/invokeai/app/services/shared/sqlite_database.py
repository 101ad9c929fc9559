import sqlite3
import threading
from contextlib import contextmanager


class SqliteDatabase:
    def __init__(self, db_path: str) -> None:
        # The session processor's thread writes through this connection while holding the lock.
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(db_path, check_same_thread=False)

    @contextmanager
    def transaction(self):
        with self._lock:
            cursor = self._conn.cursor()
            try:
                yield cursor
                self._conn.commit()
            finally:
                cursor.close()
