"""Test helpers building topology rows (openwisp-network-topology tests/utils.py)."""
from asgiref.sync import sync_to_async
from django.db import models


class Topology(models.Model):
    label = models.CharField(max_length=64)
    strict = models.BooleanField(default=False)


async def create_topology(label: str, **kwargs):
    options = dict(label=label, strict=False)  # defaults, then the caller's
    options.update(kwargs)
    topology = Topology(**options)
    await topology.asave()
    return topology


@sync_to_async
def create_from(rows, **kwargs):
    # `dict(rows)`: what rows holds is not known here.
    options = dict(rows, **kwargs)
    topology = Topology(label=options["label"])
    topology.save()
    return topology
