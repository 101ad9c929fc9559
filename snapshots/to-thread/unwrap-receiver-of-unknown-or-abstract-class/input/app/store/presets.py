import threading


class SqliteDatabase:
    def __init__(self) -> None:
        self._lock = threading.RLock()

    def transaction(self):
        with self._lock:
            return self


class SqliteStylePresetRecordsStorage:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    def get(self, style_preset_id: str) -> dict:
        self._db.transaction()
        return {"id": style_preset_id}
