from redbox_app.reports.services import touch


async def refresh(request, report_form):
    await touch(report_form.instance)
