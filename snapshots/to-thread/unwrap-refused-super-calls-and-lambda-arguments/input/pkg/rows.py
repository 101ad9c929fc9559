import threading
import time

_cursor_lock = threading.Lock()


def load_rows() -> list:
    with _cursor_lock:
        return [1, 2]


def backoff() -> float:
    time.sleep(0.1)
    return 0.1


def save(rows: list, delay: float = 0.0) -> int:
    return len(rows)


def label() -> str:
    return "rows"
