import time


class SlowCounter:
    """Not a BlobStore: it has no get()."""

    def put(self, key: str, data: bytes) -> None:
        time.sleep(0.1)
