import asyncio

from shop.reports import fetch_report, render_chart


async def dashboard(report_id):
    loop = asyncio.get_running_loop()
    data = await loop.run_in_executor(None, fetch_report, report_id)
    chart = (await asyncio.get_running_loop().run_in_executor(None, render_chart, data)).decode()
    return data, chart
