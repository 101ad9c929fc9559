import asyncio
import time


async def test_lag_detector_reports_a_stall():
    async def hog():
        # A synchronous sleep on the event loop thread: the stall the
        # detector must report.
        await asyncio.sleep(0.01)
        time.sleep(0.4)

    await asyncio.gather(hog(), asyncio.sleep(0.5))


async def test_timeout_fires():
    time.sleep(0.1)
