from django.db import models
from django.utils import timezone


class RequestLogQuerySet(models.QuerySet):
    def recent(self, hours: int = 24):
        """Logs of the last hours (django.utils.timezone's timedelta)."""
        cutoff = timezone.now() - timezone.timedelta(hours=hours)
        return self.filter(created_at__gte=cutoff)

    def slow(self, threshold_ms: int = 1000):
        return self.filter(duration_ms__gte=threshold_ms)


class RequestLogManager(models.Manager):
    def get_queryset(self):
        """Return the custom QuerySet."""
        return RequestLogQuerySet(self.model, using=self._db)

    def recent(self, hours: int = 24):
        return self.get_queryset().recent(hours)
