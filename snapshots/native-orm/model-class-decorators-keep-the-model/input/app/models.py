import reversion
from asgiref.sync import sync_to_async
from django.db import models
from field_audit import audit_fields

from teams.models import BaseTeamModel
from vendor.base import LoggingProxy, VendorModel


def registered(cls):
    """Keep a list of the classes the admin dashboard shows."""
    if cls not in REGISTRY:
        REGISTRY.append(cls)
    return cls


REGISTRY = []


@audit_fields(
    "name",
    "state",  # the audit log keeps both
    audit_special_queryset_writes=True,
)
class Participant(BaseTeamModel):
    name = models.CharField(max_length=128)
    identifier = models.CharField(max_length=128)
    state = models.JSONField(default=dict)

    def is_allowed(self, identifier: str):
        return Participant.objects.filter(team_id=self.team_id, identifier=identifier).exists()

    async def ais_allowed(self, identifier: str):
        return await Participant.objects.filter(team_id=self.team_id, identifier=identifier).aexists()


@registered
class Session(models.Model):
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE)

    def close(self):
        Session.objects.filter(pk=self.pk).update(participant=None)


@reversion.register()
class Note(VendorModel):
    body = models.TextField()

    def archive(self):
        Note.objects.filter(pk=self.pk).delete()


def proxied(cls):
    return LoggingProxy(cls)


@proxied
class Legacy(VendorModel):
    label = models.CharField(max_length=32)

    def rename(self, label):
        Legacy.objects.filter(pk=self.pk).update(label=label)


async def participants_named(name: str) -> list:
    return await sync_to_async(list)(Participant.objects.filter(name=name).order_by("identifier"))
