from shop.reports import build_report


async def report(request, report_id):
    data = build_report(report_id, request.user.id)
    summary = build_report(report_id, fresh=True)
    return data, summary
