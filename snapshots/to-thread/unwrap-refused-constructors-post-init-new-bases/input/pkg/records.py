import threading
from dataclasses import dataclass, field

REGISTRY_LOCK = threading.Lock()


class Registers:
    def __init__(self) -> None:
        with REGISTRY_LOCK:
            self.count = 1


@dataclass
class Entry:
    items: list = field(default_factory=list)

    def __post_init__(self) -> None:
        # the generated __init__ calls it: the lock is taken at construction
        with REGISTRY_LOCK:
            self.items.append(1)


class Pooled:
    _instances: dict = {}

    def __new__(cls, name: str):
        with REGISTRY_LOCK:
            return cls._instances.setdefault(name, super().__new__(cls))


class Audited(Registers):
    """Inherits the locking constructor."""

    label = "audited"


@dataclass
class Point:
    x: int = 0
    y: int = 0
