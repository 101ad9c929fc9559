from asgiref.sync import sync_to_async
from django.db import models


class Tag(models.Model):
    name = models.CharField(max_length=20)


class Job(models.Model):
    tags = models.ManyToManyField(Tag)


@sync_to_async
def tag_ids():
    ids = []
    for job in Job.objects.all():
        ids.extend(job.tags.values_list("id", flat=True))
    return ids


@sync_to_async
def sorted_tags(pk):
    job = Job.objects.get(pk=pk)
    return sorted(job.tags.all())


@sync_to_async
def names():
    return ", ".join(Tag.objects.values_list("name", flat=True))
