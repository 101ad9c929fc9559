import asyncio

from shop.reports import fetch_report


async def test_report_in_thread():
    # The test runs the sync client in a thread on purpose.
    report = await asyncio.to_thread(fetch_report, 1)
    assert report
