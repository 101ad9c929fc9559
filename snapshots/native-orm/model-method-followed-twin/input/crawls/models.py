from django.conf import settings
from django.db import models, transaction


class Crawl(models.Model):
    class StatusChoices(models.TextChoices):
        QUEUED = "queued"
        STARTED = "started"
        SEALED = "sealed"

    status = models.CharField(max_length=15, choices=StatusChoices.choices)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    retry_at = models.DateTimeField(null=True)

    def is_finished(self) -> bool:
        """Check if crawl is finished (all snapshots sealed or no snapshots exist)."""
        from core.models import Snapshot

        # Check if any snapshots exist for this crawl
        snapshots = Snapshot.objects.filter(crawl=self)

        # If no snapshots exist, allow finishing (e.g., system crawls that only run setup hooks)
        if not snapshots.exists():
            return True

        # If snapshots exist, check if all are sealed
        if snapshots.filter(
            status__in=[Snapshot.StatusChoices.QUEUED, Snapshot.StatusChoices.STARTED],
        ).exists():
            return False

        return True

    def owner_email(self) -> str:
        # Reads the ForeignKey: a query unless the caller loaded it.
        return self.created_by.email

    def seal_all(self) -> int:
        with transaction.atomic():
            return self.snapshot_set.select_for_update().update(status="sealed")
