import threading

_open_streams_lock = threading.Lock()
_open_streams: set = set()


class CleanupGenerator:
    """Wraps a model's stream; closing it forgets the stream."""

    def __init__(self, generator) -> None:
        self._generator = generator

    def close(self) -> None:
        with _open_streams_lock:
            _open_streams.discard(id(self._generator))
