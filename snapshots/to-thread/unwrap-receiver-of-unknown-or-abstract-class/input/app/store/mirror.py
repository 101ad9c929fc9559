import asyncio


class Mirror:
    """Keeps a read-only copy beside a backend it is handed (no annotation says which)."""

    def __init__(self, backend):
        self._backend = backend

    def _sync(self, copy_id: str) -> str:
        return self._backend.open_working_copy(copy_id)

    async def sync(self, copy_id: str) -> str:
        return await asyncio.to_thread(self._sync, copy_id)
