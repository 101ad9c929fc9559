"""Rate refresh: chains split over lines inside the thread wrapper's brackets."""

from rates.models import Rate


async def latest_effective(source: str):
    latest = await (Rate.objects.filter(source=source)
        .order_by("-effective")  # newest first
        .values_list("effective", flat=True)
        .afirst())
    return latest


async def newest_rate(source: str):
    return await (Rate.objects.filter(source=source)
        .order_by("-effective")
        .afirst())


async def rate_count(source):
    return await Rate.objects.filter(source=source).acount()


class RefreshConsumer:
    async def latest_in_consumer(self, source: str):
        return await (Rate.objects.filter(source=source)
            .order_by("-effective")
            .afirst())
