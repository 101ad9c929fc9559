import asyncio
import functools

from shop.reports import build_report


async def report(request, report_id):
    # partial keywords then more positional arguments: the merged call would reorder evaluation.
    return await asyncio.to_thread(
        functools.partial(build_report, fresh=True), report_id
    )
