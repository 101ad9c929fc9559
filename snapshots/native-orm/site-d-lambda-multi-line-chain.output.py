from rates.models import Rate


async def latest_effective(source):
    latest = await (Rate.objects.filter(source=source)
        .order_by("-effective")
        .values_list("effective", flat=True)
        .afirst())
    return latest


async def latest_rate_in_consumer(source):
    from channels.db import database_sync_to_async

    return await database_sync_to_async(
        lambda: Rate.objects.filter(source=source)
        .order_by("-effective")
        .first()
    )()
