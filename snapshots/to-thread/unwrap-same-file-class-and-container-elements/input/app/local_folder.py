import threading

_locks: dict[str, threading.Lock] = {}


class LocalFolderBackend:
    def __init__(self, root: str) -> None:
        self._root = root
        self._lock = threading.Lock()

    def write(self, path: str, content: str) -> str:
        with self._lock:
            return f"{self._root}/{path}"

    def delete_file(self, path: str) -> None:
        with self._lock:
            pass
