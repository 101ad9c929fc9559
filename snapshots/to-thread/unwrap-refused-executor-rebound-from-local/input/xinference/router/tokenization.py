from __future__ import annotations

import asyncio
import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

logger = logging.getLogger(__name__)


class TokenizationPool:
    """Tokenizes prompts in worker processes (spawned: CUDA state must not be forked)."""

    def __init__(self, workers: int) -> None:
        self._workers = workers
        self._executor = self._create_executor()
        self._closed = False

    def _create_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self._workers,
            mp_context=multiprocessing.get_context("spawn"),
        )

    async def _replace_broken_executor(self, failed_executor: ProcessPoolExecutor) -> None:
        if self._closed or self._executor is not failed_executor:
            return
        replacement = self._create_executor()
        self._executor = replacement
        logger.warning("tokenization pool replaced after a worker died")
        failed_executor.shutdown(wait=False, cancel_futures=True)

    async def aclose(self) -> None:
        if self._closed:
            return
        self._closed = True
        executor = self._executor
        # Joins the worker processes and the pool's management thread.
        await asyncio.to_thread(
            executor.shutdown,
            wait=True,  # wait for in-flight batches
            cancel_futures=True,
        )

    async def restart(self) -> None:
        old = self._executor
        previous = old
        self._executor = self._create_executor()
        await asyncio.to_thread(previous.shutdown, wait=True)
