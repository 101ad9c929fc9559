"""Report storage shared by the web workers and the exporters."""
import threading
from contextlib import ExitStack, nullcontext
from typing import Callable

_EXPORT_LOCKS = {"pdf": threading.Lock(), "csv": threading.Lock()}
_TENANT_LOCKS: dict = {}


class ReportStore:
    def __init__(self) -> None:
        self._lock = threading.RLock()
        self.rows: dict[str, dict] = {}

    def put(self, key: str, row: dict, *, shared: bool = True) -> None:
        # Only shared stores are touched by several threads.
        with self._lock if shared else nullcontext():
            self.rows[key] = row

    def put_many(self, rows: dict) -> None:
        with ExitStack() as stack:
            stack.enter_context(self._lock)
            self.rows.update(rows)

    def put_named(self, key: str, row: dict, attr: str = "_lock") -> None:
        with getattr(self, "_lock"):
            self.rows[key] = row

    def rank(self, row: dict) -> int:
        with self._lock:
            return len(self.rows) - row.get("score", 0)

    def plain(self, row: dict) -> str:
        return str(row.get("title", "")).lower()


_store = ReportStore()


def get_store() -> ReportStore:
    return _store


def export_locked(kind: str) -> str:
    with _EXPORT_LOCKS[kind]:
        return f"export-{kind}"


def tenant_lock(tenant: str):
    return _TENANT_LOCKS.setdefault(tenant, threading.Lock())


def write_tenant(tenant: str, payload: bytes) -> int:
    with _TENANT_LOCKS.setdefault(tenant, threading.Lock()):
        return len(payload)


def write_through(tenant: str, payload: bytes) -> int:
    with tenant_lock(tenant):
        return len(payload)


def guarded(guard, payload: bytes) -> int:
    # `guard` is whatever the caller hands in: a lock, in practice.
    with guard:
        return len(payload)


def apply_all(rows: list, fn: Callable[[dict], int]) -> list:
    return [fn(row) for row in rows]
