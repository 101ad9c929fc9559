import asyncio

from shop.reports import fetch_report


async def reports(ids):
    # Kept for gather: unwrapping would run each call now, one after the other.
    return await asyncio.gather(*[asyncio.to_thread(fetch_report, i) for i in ids])
