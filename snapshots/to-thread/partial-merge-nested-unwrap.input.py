import asyncio
from functools import partial

from shop.reports import build_report, fetch_report


async def report(request, report_id):
    return await asyncio.to_thread(
        partial(build_report, report_id),  # the 📊 builder
        await asyncio.to_thread(fetch_report, report_id),
        user=request.user.id,
    )
