from django.db import models
from django.utils import timezone


class SearchQueryManager(models.Manager):
    def today(self, **kwargs):
        """Requests made since midnight (server time)."""
        return self.filter(created_at__date=timezone.now().date(), **kwargs)

    def on_day(self, moment, **kwargs):
        return self.filter(created_at__date=moment.date(), **kwargs)


class SearchQuery(models.Model):
    query = models.CharField(max_length=100)
    user_id = models.IntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SearchQueryManager()
