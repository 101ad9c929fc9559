import threading

_MODEL_LOCK = threading.Lock()


class Chunker:
    def __init__(self, size: int) -> None:
        self.size = size

    def chunk_text(self, text: str) -> list[str]:
        with _MODEL_LOCK:
            return [text[i : i + self.size] for i in range(0, len(text), self.size)]


class _Registry:
    generation_lock = _MODEL_LOCK


_registry = _Registry()


def guarded_split(text: str) -> list[str]:
    lock = _registry.generation_lock  # judged by its name: a lock
    with lock:
        return text.split()
