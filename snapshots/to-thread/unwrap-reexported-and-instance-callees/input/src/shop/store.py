import threading


class Store:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rows: list[str] = []

    def add(self, row: str) -> None:
        with self._lock:
            self._rows.append(row)
