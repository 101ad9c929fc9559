import asyncio
import threading
from typing import Optional, TypedDict


class _LockInfo(TypedDict):
    holder: str
    lock: threading.Lock
    expiration_timer: Optional[threading.Timer]


class MemoryLockManager:
    def __init__(self) -> None:
        self._locks_dict_lock = threading.Lock()
        self._locks: dict[str, _LockInfo] = {}

    def _holder_info(self, key: str) -> _LockInfo:
        return self._locks[key]

    async def aacquire_lock(self, key: str, holder: str, acquire_timeout: Optional[float] = None) -> bool:
        existing_lock_info = self._holder_info(key)
        if acquire_timeout is not None:
            return await asyncio.to_thread(existing_lock_info["lock"].acquire, timeout=acquire_timeout)
        return await asyncio.to_thread(existing_lock_info["lock"].acquire)

    async def await_release(self, waiter) -> None:
        # A waiter handed in by the caller: its class is not written here, its method waits.
        await asyncio.to_thread(waiter.wait, 5.0)
