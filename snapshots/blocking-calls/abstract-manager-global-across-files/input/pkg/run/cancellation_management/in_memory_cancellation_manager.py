import asyncio
import threading
from typing import Dict

from pkg.run.cancellation_management.base import BaseRunCancellationManager
from pkg.exceptions import RunCancelledException


class InMemoryRunCancellationManager(BaseRunCancellationManager):
    def __init__(self) -> None:
        self._cancelled_runs: Dict[str, bool] = {}
        self._lock = threading.Lock()
        self._async_lock = asyncio.Lock()

    def is_cancelled(self, run_id: str) -> bool:
        with self._lock:
            return self._cancelled_runs.get(run_id, False)

    async def ais_cancelled(self, run_id: str) -> bool:
        async with self._async_lock:
            return self._cancelled_runs.get(run_id, False)

    def raise_if_cancelled(self, run_id: str) -> None:
        if self.is_cancelled(run_id):
            raise RunCancelledException(f"Run {run_id} was cancelled")

    async def araise_if_cancelled(self, run_id: str) -> None:
        if await self.ais_cancelled(run_id):
            raise RunCancelledException(f"Run {run_id} was cancelled")

    def get_active_runs(self) -> Dict[str, bool]:
        with self._lock:
            return dict(self._cancelled_runs)
