"""Sync -> async bridges, for sync callers only (a FastAPI threadpool worker, a Celery task)."""
import asyncio
import threading
from typing import Any, Awaitable


class _BackgroundLoop:
    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock = threading.Lock()

    def _ensure_loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None:
                self._loop = asyncio.new_event_loop()
                threading.Thread(target=self._loop.run_forever, daemon=True).start()
            return self._loop

    def run(self, coro, timeout):
        future = asyncio.run_coroutine_threadsafe(coro, self._ensure_loop())
        return future.result(timeout)


_background_loop = _BackgroundLoop()


def run_async_safe(coro: Awaitable[Any], *, timeout: float = 10) -> Any:
    """Run a coroutine from a sync context; async callers must not use this helper."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        pass
    else:
        coro.close()
        raise RuntimeError(
            "run_async_safe cannot be called from a running event loop; "
            "await the async API instead."
        )
    return _background_loop.run(coro, timeout)


def run_async_on_caller_loop(coro, timeout=10):  # the form before the fix: deadlocks on the loop
    try:
        loop = asyncio.get_running_loop()
        future = asyncio.run_coroutine_threadsafe(coro, loop)
        return future.result(timeout=timeout)
    except RuntimeError:
        # No running loop: run to completion now.
        return asyncio.run(coro)


def run_blocking(coro):
    return asyncio.run(coro)
