"""Closing evicted engines (cognee's closing_lru_cache): asyncio.run only when no loop runs."""

import asyncio
import concurrent.futures
import logging

logger = logging.getLogger(__name__)


def _start_close(value):
    result = value.close()
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        # No running loop: run to completion now.
        done: concurrent.futures.Future = concurrent.futures.Future()
        try:
            asyncio.run(result)
        except Exception:
            logger.warning("Failed to run async close() during eviction", exc_info=True)
        done.set_result(None)
        return done
    return loop.create_task(result)


def _close_now(value):
    try:
        asyncio.get_running_loop()
    except ValueError:  # not the no-loop error: the guard does not hold
        pass
    asyncio.run(value.close())


class Engine:
    async def close(self) -> None:
        return None


async def evict(engine: Engine) -> None:
    _start_close(engine)
    _close_now(engine)
