import threading


class AuditLog:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: list[tuple[str, dict]] = []

    def write(self, kind: str, payload: dict) -> None:
        with self._lock:
            self._entries.append((kind, payload))
