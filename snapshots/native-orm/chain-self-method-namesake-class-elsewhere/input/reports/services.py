from asgiref.sync import sync_to_async

from reports.models import Report


class ReportService:
    """Archiving, for the views (async) and the management commands (sync)."""

    def archive(self, pk, **extra_fields):
        Report.objects.filter(pk=pk).update(archived=True, **extra_fields)
        return Report.objects.get(pk=pk)

    async def aarchive(self, pk, **extra_fields):
        return await sync_to_async(self.archive)(pk, **extra_fields)
