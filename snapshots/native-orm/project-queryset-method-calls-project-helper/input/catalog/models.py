from datetime import timedelta

from django.db import models
from django.utils import timezone


def _hard_ttl_cutoff():
    return timezone.now() - timedelta(hours=6)


class RepositoryCatalogQuerySet(models.QuerySet):
    def fresh(self):
        # Calls a helper of the project: not known to only build a queryset.
        return self.filter(synced_at__gte=_hard_ttl_cutoff())


class RepositoryCatalog(models.Model):
    slug = models.CharField(max_length=200)
    provider = models.CharField(max_length=20)
    synced_at = models.DateTimeField()

    objects = RepositoryCatalogQuerySet.as_manager()
