import asyncio

from shop.reports import fetch_report


async def report_view(request, report_id):
    data = await asyncio.to_thread(fetch_report, report_id, fresh=True)
    return {"data": data}
