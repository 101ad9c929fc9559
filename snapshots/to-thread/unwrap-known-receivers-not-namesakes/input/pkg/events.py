import threading


class EventLog:
    """Shares names with the report's receivers' methods; none of them is one."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._events: list[str] = []

    def add(self, event: str) -> None:
        with self._lock:
            self._events.append(event)

    def get(self, index: int) -> str:
        with self._lock:
            return self._events[index]

    def flush(self) -> None:
        with self._lock:
            self._events.clear()

    def to_json(self) -> str:
        with self._lock:
            return ",".join(self._events)

    def kickoff(self) -> None:
        with self._lock:
            self._events.append("kickoff")
