from asgiref.sync import sync_to_async
from django.db import models


class Job(models.Model):
    name = models.CharField(max_length=20)


@sync_to_async
def job_or_fail(pk):
    job = Job.objects.filter(pk=pk).first()
    if job is None:
        raise Exception(f"no job {pk}")
    if not job.name:
        raise ValueError("unnamed job")
    return job
