from copy import deepcopy

from django.db import models
from django.utils import timezone


class OplogEntry(models.Model):
    command = models.TextField(blank=True)
    output = models.TextField(blank=True)


async def copy_entry(entry_id):
    entry = await OplogEntry.objects.aget(pk=entry_id)
    # a copy of a loaded row: the same model, saved as a new one
    copy = deepcopy(entry)
    copy.pk = None
    copy.command = f"{entry.command} ({timezone.now():%H:%M})"
    await copy.asave()
    return copy
