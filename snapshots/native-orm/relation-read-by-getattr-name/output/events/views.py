from asgiref.sync import sync_to_async

from events.models import Host, Meetup


async def meetup_for(request, slug):
    member = await request.auser()
    meetup = await Meetup.objects.aget(slug=slug)
    if not await sync_to_async(meetup.is_host)(member):
        return None
    if not await sync_to_async(meetup.has_badge_host)(member):
        return None
    return meetup, await meetup.ahost_count()


async def host_badge(host_id: int):
    host = await Host.objects.aget(pk=host_id)
    return getattr(host, "badge", None)
