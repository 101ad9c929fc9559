import os
import types

from django.conf import settings
from django.contrib.gis.measure import D
from django.db import models
from swapper import load_model


class Station(models.Model):
    name = models.CharField(max_length=100)
    radius_mi = models.FloatField(default=5.0)


class Upgrade(models.Model):
    status = models.CharField(max_length=20)


async def report_path(station_id: int) -> str:
    station = await Station.objects.aget(pk=station_id)
    # Path strings and a namespace built in memory: no file-system call, no query.
    file_name = f"station_{station.pk}.xlsx"
    meta = types.SimpleNamespace(name=station.name, radius=D(mi=station.radius_mi))
    return os.path.join(f"{settings.MEDIA_ROOT}/reports", file_name), meta


async def current_upgrade(pk):
    # swapper's registry lookup, like apps.get_model: a model class, no query.
    UpgradeOperation = load_model("app", "Upgrade")
    return await UpgradeOperation.objects.filter(pk=pk).afirst()
