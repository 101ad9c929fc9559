import threading

_registry_lock = threading.Lock()


class BaseStore:
    def __init__(self, name: str) -> None:
        # Stores register once per process; the indexer thread registers too.
        with _registry_lock:
            self.name = name


class MinioStore(BaseStore):
    bucket = "knowledge"
