from asgiref.sync import sync_to_async

from redbox_app.redbox_core.models import Report


@sync_to_async
def archive(report):
    report.archived = True
    report.save(update_fields=["archived"])


@sync_to_async
def touch(report):
    # Called from views.py too, with whatever the view holds.
    report.save()


async def archive_report(pk):
    report = await Report.objects.aget(pk=pk)
    await archive(report)
    await touch(report)
