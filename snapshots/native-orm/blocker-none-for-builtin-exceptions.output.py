from django.db import models


class Job(models.Model):
    name = models.CharField(max_length=20)


async def job_or_fail(pk):
    job = await Job.objects.filter(pk=pk).afirst()
    if job is None:
        raise Exception(f"no job {pk}")
    if not job.name:
        raise ValueError("unnamed job")
    return job
