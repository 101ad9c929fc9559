import threading

_registry_lock = threading.Lock()


class Store:
    def save(self, key: str) -> None:
        with _registry_lock:
            print(key)

    def load(self, key: str) -> str:
        return key


class Made:
    # an unrelated class with a method of the same name, which takes no lock
    def save(self, key: str) -> None:
        print("made", key)
