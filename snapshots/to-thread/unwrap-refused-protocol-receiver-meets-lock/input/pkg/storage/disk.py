import threading
from pathlib import Path

_WRITE_LOCK = threading.RLock()


class DiskStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def put(self, key: str, data: bytes) -> None:
        with _WRITE_LOCK:
            (self.root / key).write_bytes(data)

    def get(self, key: str) -> bytes:
        return (self.root / key).read_bytes()
