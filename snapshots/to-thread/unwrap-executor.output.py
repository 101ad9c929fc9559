import asyncio

from shop.reports import fetch_report, render_chart


async def dashboard(report_id):
    loop = asyncio.get_running_loop()
    data = fetch_report(report_id)
    chart = (render_chart(data)).decode()
    return data, chart
