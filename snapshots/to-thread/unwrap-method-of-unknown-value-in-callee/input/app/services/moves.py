import threading


class ImageMoveService:
    def __init__(self) -> None:
        self._future_lock = threading.Lock()
        self._future = None

    def is_maintenance_active(self) -> bool:
        with self._future_lock:
            return self._future is not None


class Thumbnails:
    def __init__(self) -> None:
        self.sizes = {"small": 64, "large": 256}

    def size_for(self, kind: str) -> int:
        return self.sizes.get(kind, 128)


class ArchiveBackend:
    def __init__(self) -> None:
        self._lock = threading.Lock()

    def read(self, key: str) -> bytes:
        with self._lock:
            return b""


class BaseRepositoryImpl:
    _lock = threading.Lock()

    def exists(self, key: str) -> bool:
        with self._lock:
            return False


class DatabaseConnectionManager:
    def create_session(self) -> dict:
        return {}


def sync_get_database_connection() -> DatabaseConnectionManager:
    return DatabaseConnectionManager()
