# xinference's tokenization router (hazard-review-6 V22): a broken pool is replaced, and the old
# one is shut down without waiting; only a shutdown that waits stops the event loop.
import asyncio
import logging
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

logger = logging.getLogger(__name__)


class TokenizationPool:
    def __init__(self, max_workers: int = 2) -> None:
        self._max_workers = max_workers
        self._executor = self._create_executor()
        self._replace_lock = asyncio.Lock()

    def _create_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self._max_workers)

    async def _replace_broken_executor(self, failed_executor: ProcessPoolExecutor) -> None:
        async with self._replace_lock:
            replacement = self._create_executor()
            self._executor = replacement
            failed_executor.shutdown(
                wait=False,  # the broken workers are gone: nothing to wait for
                cancel_futures=True,
            )
            logger.warning("tokenization pool replaced")

    async def close_now(self, executor: ProcessPoolExecutor) -> None:
        executor.shutdown(False)

    async def close(self, executor: ProcessPoolExecutor) -> None:
        executor.shutdown(wait=True, cancel_futures=True)

    async def drain(self, executor: ThreadPoolExecutor) -> None:
        executor.shutdown()
