import sqlite3
import threading


class SQLiteManager:
    def __init__(self, db_path: str = ":memory:"):
        self.connection = sqlite3.connect(db_path, check_same_thread=False)
        self._lock = threading.Lock()

    def add_history(self, memory_id: str, old: str, new: str) -> None:
        with self._lock:
            self.connection.execute("INSERT INTO history VALUES (?, ?, ?)", (memory_id, old, new))
            self.connection.commit()
