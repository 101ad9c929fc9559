import asyncio
import functools

from app.reports import build_report, build_report_blocking


async def report_view(report_id: int) -> dict:
    report = await asyncio.to_thread(build_report, report_id)  # a coroutine object, not a dict
    return report


async def report_view_executor(report_id: int) -> dict:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(
        None,
        functools.partial(build_report, report_id),
    )


async def report_view_blocking(report_id: int) -> dict:
    # async_to_sync made it a sync function: a thread is the right place for it.
    return await asyncio.to_thread(build_report_blocking, report_id)
