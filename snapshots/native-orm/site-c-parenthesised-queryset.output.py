from memories.models import Memory


async def memories(u):
    qs = Memory.objects.filter(user=u)
    qs = (qs.order_by("d"))
    return [obj async for obj in qs]


async def memories_receiver(u):
    qs = Memory.objects.filter(user=u)
    qs = (qs).exclude(hidden=True)
    return [obj async for obj in qs]


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
    return [obj async for obj in qs]
