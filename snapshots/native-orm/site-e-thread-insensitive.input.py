import asyncio

from asgiref.sync import sync_to_async

from jobs.models import Job


@sync_to_async(thread_sensitive=False)
def heavy(pk):
    return Job.objects.filter(pk__gt=pk).count()


@sync_to_async(thread_sensitive=True)
def light(pk):
    return Job.objects.filter(pk=pk).count()


async def totals(pks):
    counts = await asyncio.gather(*(heavy(pk) for pk in pks))
    done = await sync_to_async(
        Job.objects.filter(done=True).count,
        thread_sensitive=False,
    )()
    return counts, done
