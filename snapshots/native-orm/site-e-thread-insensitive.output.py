import asyncio

from asgiref.sync import sync_to_async

from jobs.models import Job


@sync_to_async(thread_sensitive=False)
def heavy(pk):
    return Job.objects.filter(pk__gt=pk).count()


async def light(pk):
    return await Job.objects.filter(pk=pk).acount()


async def totals(pks):
    counts = await asyncio.gather(*(heavy(pk) for pk in pks))
    done = await Job.objects.filter(done=True).acount()
    return counts, done
