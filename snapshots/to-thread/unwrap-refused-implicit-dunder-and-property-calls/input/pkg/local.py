import asyncio
import threading
from functools import cached_property

LOCK = threading.Lock()


class Journal:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: list = []
        self._open = True

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def __getitem__(self, index: int):
        with self._lock:
            return self._entries[index]

    @property
    def open(self) -> bool:
        with self._lock:
            return self._open

    @open.setter
    def open(self, value: bool) -> None:
        with self._lock:
            self._open = value

    def reopen(self) -> None:
        self.open = True


class Conf:
    @cached_property
    def value(self) -> int:
        with LOCK:
            return 1


class Holder:
    def __init__(self) -> None:
        self.journal = Journal()


def count(j: Journal) -> int:
    return len(j)


def first(j: Journal):
    return j[0]


def shut(j: Journal) -> None:
    j.open = False


def holder_open(h: Holder) -> bool:
    return h.journal.open


def read_conf(c: Conf) -> int:
    return c.value


async def a_count(j: Journal):
    return await asyncio.to_thread(count, j)


async def a_first(j: Journal):
    return await asyncio.to_thread(first, j)


async def a_shut(j: Journal):
    await asyncio.to_thread(shut, j)


async def a_reopen(j: Journal):
    await asyncio.to_thread(j.reopen)


async def a_holder_open(h: Holder):
    return await asyncio.to_thread(holder_open, h)


async def a_conf(c: Conf):
    return await asyncio.to_thread(read_conf, c)
