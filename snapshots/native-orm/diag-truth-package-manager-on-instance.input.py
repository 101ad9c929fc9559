from channels.db import database_sync_to_async
from django.db import models
from taggit.managers import TaggableManager


class OplogEntry(models.Model):
    command = models.TextField(blank=True)
    # django-taggit's manager: a package's field, whose queryset methods are not Django's
    tags = TaggableManager(blank=True)


@database_sync_to_async
def tag_names(entry_id: int) -> list[str]:
    entry = OplogEntry.objects.get(pk=entry_id)
    return [t.name for t in entry.tags.all()]
