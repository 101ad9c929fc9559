from shop.reports import fetch_report


async def report_view(request, report_id):
    data = fetch_report(report_id, fresh=True)
    return {"data": data}
