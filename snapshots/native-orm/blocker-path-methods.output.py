from pathlib import Path

from asgiref.sync import sync_to_async
from django.db import models


class Snapshot(models.Model):
    path = models.CharField(max_length=200)


async def record(pk, root):
    snapshot = await Snapshot.objects.aget(pk=pk)
    pwd = Path(snapshot.path)
    snapshot.path = str(pwd.relative_to(root))
    await snapshot.asave()
    return snapshot


@sync_to_async
def record_if_present(pk):
    snapshot = Snapshot.objects.get(pk=pk)
    if Path(snapshot.path).exists():
        snapshot.save()
