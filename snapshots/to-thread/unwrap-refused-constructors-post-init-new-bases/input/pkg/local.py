import asyncio
import threading
from dataclasses import dataclass

_lock = threading.Lock()


class Counter:
    def __init__(self) -> None:
        with _lock:
            self.value = 0


@dataclass
class Slot:
    name: str

    def __post_init__(self) -> None:
        with _lock:
            self.name = self.name.strip()


def make_counter() -> Counter:
    return Counter()


def make_slot(name: str) -> Slot:
    return Slot(name)


async def counter():
    return await asyncio.to_thread(Counter)


async def counter_helper():
    return await asyncio.to_thread(make_counter)


async def slot_helper(name: str):
    return await asyncio.to_thread(make_slot, name)
