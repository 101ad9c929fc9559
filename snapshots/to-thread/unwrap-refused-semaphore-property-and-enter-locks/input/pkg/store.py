from pkg.state import BaseStore


class FileStore(BaseStore):
    def put(self, key: str) -> None:
        with self._class_lock:
            print(key)
