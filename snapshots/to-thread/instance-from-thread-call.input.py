import asyncio

from shop.models import Job


async def finish(pk):
    job = await asyncio.to_thread(Job.objects.get, pk=pk)
    job.status = "done"
    await asyncio.to_thread(job.save, update_fields=["status"])
    return job
