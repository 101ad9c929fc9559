from celery import shared_task

from jobs.models import Job


@shared_task(name="finish_job")
def finish_job(job_id: int):
    job = Job.objects.get(pk=job_id)
    job.done = True
    job.save()
