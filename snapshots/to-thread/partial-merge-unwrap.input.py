import asyncio
from functools import partial

from shop.reports import build_report


async def report(request, report_id):
    data = await asyncio.to_thread(partial(build_report, report_id), request.user.id)
    summary = await asyncio.to_thread(partial(build_report, report_id, fresh=True))
    return data, summary
