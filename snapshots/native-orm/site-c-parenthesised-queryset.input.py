from asgiref.sync import sync_to_async

from memories.models import Memory


async def memories(u):
    qs = Memory.objects.filter(user=u)
    qs = (qs.order_by("d"))
    return await sync_to_async(list)(qs)


async def memories_receiver(u):
    qs = Memory.objects.filter(user=u)
    qs = (qs).exclude(hidden=True)
    return await sync_to_async(list)(qs)


async def memories_split(u):
    qs = (
        Memory.objects.filter(user=u)  # only this user's
        .order_by("-d")
        .only("id", "d")
    )
    qs = (
        qs
        .exclude(hidden=True)
    )
    return await sync_to_async(list)(qs)
