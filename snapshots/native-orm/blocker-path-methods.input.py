from pathlib import Path

from asgiref.sync import sync_to_async
from django.db import models


class Snapshot(models.Model):
    path = models.CharField(max_length=200)


@sync_to_async
def record(pk, root):
    snapshot = Snapshot.objects.get(pk=pk)
    pwd = Path(snapshot.path)
    snapshot.path = str(pwd.relative_to(root))
    snapshot.save()
    return snapshot


@sync_to_async
def record_if_present(pk):
    snapshot = Snapshot.objects.get(pk=pk)
    if Path(snapshot.path).exists():
        snapshot.save()
