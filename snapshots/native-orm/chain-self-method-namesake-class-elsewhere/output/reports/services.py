from reports.models import Report


class ReportService:
    """Archiving, for the views (async) and the management commands (sync)."""

    def archive(self, pk, **extra_fields):
        Report.objects.filter(pk=pk).update(archived=True, **extra_fields)
        return Report.objects.get(pk=pk)

    async def aarchive(self, pk, **extra_fields):
        await Report.objects.filter(pk=pk).aupdate(archived=True, **extra_fields)
        return await Report.objects.aget(pk=pk)
