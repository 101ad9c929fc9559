import asyncio
import threading

from pkg.base import Store


class CachedStore(Store):
    def save(self, key: str) -> None:
        super().save(key)

    def load(self, key: str) -> str:
        return super().load(key)


class Worker(threading.Thread):
    def stop(self) -> None:
        super().join()


class Journal:
    _lock = threading.Lock()

    def write(self) -> None:
        with self._lock:
            print("x")


class AuditedJournal(Journal):
    def write(self) -> None:
        super().write()


async def save(store: CachedStore) -> None:
    await asyncio.to_thread(store.save, "k")


async def load(store: CachedStore) -> str:
    return store.load("k")


async def stop(worker: Worker) -> None:
    await asyncio.to_thread(worker.stop)


async def write(journal: AuditedJournal) -> None:
    await asyncio.to_thread(journal.write)
