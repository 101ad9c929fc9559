import threading

_pool_lock = threading.Lock()


class Connection:
    def __init__(self, dsn: str) -> None:
        with _pool_lock:
            self.dsn = dsn

    @classmethod
    def from_env(cls) -> "Connection":
        return cls("env")

    def clone(self) -> "Connection":
        return type(self)(self.dsn)


class Session:
    def __enter__(self) -> "Session":
        return self

    def __exit__(self, *exc) -> None:
        with _pool_lock:
            print("released")


class Settings:
    def __init__(self, name: str) -> None:
        self.name = name

    @classmethod
    def default(cls) -> "Settings":
        # a constructor that takes no lock: the unwrap stands
        return cls("default")
