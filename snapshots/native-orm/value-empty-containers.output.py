from collections import defaultdict

from asgiref.sync import sync_to_async

from snaps.models import Snap


async def requeue_stale() -> int:
    found: set[str] = set()
    async for snap in Snap.objects.filter(status="started"):
        found.add(str(snap.id))
    return await Snap.objects.exclude(id__in=found).aupdate(status="queued")


@sync_to_async
def by_status() -> dict:
    groups = defaultdict(list)
    seen = dict()
    for snap in Snap.objects.all():
        groups[snap.status].append(snap.pk)
        seen.setdefault(snap.status, 0)
    return groups
