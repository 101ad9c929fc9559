import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from pydantic import BaseModel, PrivateAttr


class Memory(BaseModel):
    _save_pool: ThreadPoolExecutor = PrivateAttr(default_factory=lambda: ThreadPoolExecutor(max_workers=1))
    _pending_saves: list[Future[Any]] = PrivateAttr(default_factory=list)
    _pending_lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)
    _reset_lock: Any = PrivateAttr(default_factory=threading.RLock)

    def remember_many(self, lessons: list[str]) -> None:
        """Store items in the background (non-blocking for the caller)."""
        with self._reset_lock:
            future = self._save_pool.submit(print, lessons)
            with self._pending_lock:
                self._pending_saves.append(future)

    def recount(self) -> int:
        with self._pending_lock:
            return len(self._pending_saves)
