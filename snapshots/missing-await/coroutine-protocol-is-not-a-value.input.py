"""An awaitable handle (cognee's remember.py): its __await__ hands on its coroutine's own."""

import asyncio


class RememberResult:
    """Awaitable handle: `await remember(...)` waits for the background pipeline."""

    def __init__(self, status: str) -> None:
        self.status = status

    def __await__(self):
        # The body runs when the handle is awaited.
        return self._await_impl().__await__()

    async def _await_impl(self):
        await asyncio.sleep(0)
        self.status = "completed"
        return self


async def fetch_status(result: RememberResult) -> str:
    return "done"


def drop_unstarted(result: RememberResult) -> None:
    # Closed on purpose: the coroutine is never run, and no warning is wanted.
    fetch_status(result).close()


def status_of(result: RememberResult) -> str:
    # A mistake: the coroutine object's attribute, not the result's.
    return fetch_status(result).upper()
