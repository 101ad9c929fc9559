import asyncio

from jobs.models import Job


async def heavy(pk):
    return await Job.objects.filter(pk__gt=pk).acount()


async def light(pk):
    return await Job.objects.filter(pk=pk).acount()


async def totals(pks):
    counts = await asyncio.gather(*(heavy(pk) for pk in pks))
    done = await Job.objects.filter(done=True).acount()
    return counts, done
