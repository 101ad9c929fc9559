from reports.models import Report


class ReportService:
    """The old service of the same name, kept for the v1 API."""

    def archive(self, pk, **extra_fields):
        report = Report.objects.get(pk=pk)
        report.archived = True
        report.save()
        return report
