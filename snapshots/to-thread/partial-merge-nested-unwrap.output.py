from shop.reports import build_report, fetch_report


async def report(request, report_id):
    return build_report(report_id,  # the 📊 builder
        fetch_report(report_id),
        user=request.user.id,
    )
