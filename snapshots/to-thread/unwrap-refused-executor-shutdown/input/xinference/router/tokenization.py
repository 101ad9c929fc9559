from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


class TokenizationPool:
    def __init__(self, workers: int) -> None:
        self._workers = workers
        self._executor = self._create_executor()
        self._threads = ThreadPoolExecutor(max_workers=2)
        self._closed = False

    def _create_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self._workers, mp_context=multiprocessing.get_context("spawn"))

    async def aclose(self) -> None:
        if self._closed:
            return
        self._closed = True
        executor = self._executor
        await asyncio.to_thread(
            executor.shutdown,
            wait=True,
            cancel_futures=True,
        )

    async def aclose_threads(self) -> None:
        await asyncio.to_thread(self._threads.shutdown, wait=True)
