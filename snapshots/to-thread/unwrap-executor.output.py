from shop.reports import fetch_report, render_chart


async def dashboard(report_id):
    data = fetch_report(report_id)
    chart = (render_chart(data)).decode()
    return data, chart
