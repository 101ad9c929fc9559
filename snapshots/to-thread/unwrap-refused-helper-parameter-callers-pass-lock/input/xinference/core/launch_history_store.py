import json
import sqlite3
import threading
from typing import Any, Dict, List, Optional


class LaunchHistoryStore:
    def __init__(self, path: str) -> None:
        self._path = path
        self._lock = threading.Lock()

    def list_autostart(self, username: Optional[str] = None) -> List[Dict[str, Any]]:
        with self._lock:
            with sqlite3.connect(self._path) as conn:
                rows = conn.execute("SELECT entry FROM autostart WHERE username = ?", (username or "",)).fetchall()
        return [json.loads(r[0]) for r in rows]

    def remove_autostart(self, model_uid: str) -> bool:
        with self._lock:
            with sqlite3.connect(self._path) as conn:
                return conn.execute("DELETE FROM autostart WHERE uid = ?", (model_uid,)).rowcount > 0
