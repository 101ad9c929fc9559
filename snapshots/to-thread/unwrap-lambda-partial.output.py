import asyncio
import time

from shop.reports import fetch_report


async def slow_report(report_id):
    await asyncio.to_thread(lambda: time.sleep(1))
    return fetch_report(report_id, fresh=True)
