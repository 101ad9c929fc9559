from shop.models import Job


async def finish(pk):
    job = await Job.objects.aget(pk=pk)
    job.status = "done"
    await job.asave(update_fields=["status"])
    return job
