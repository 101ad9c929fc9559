from asgiref.sync import sync_to_async
from django.db import models


class Auftrag(models.Model):
    kunde = models.ForeignKey("auth.User", on_delete=models.CASCADE)  # Kundin/Kunde


async def kunde_von(auftrag: Auftrag, benutzer):
    # Neu geladen, mit der Kundin: kein verzögertes Laden.
    auftrag = await Auftrag.objects.select_related("kunde").aget(pk=auftrag.pk)
    qs = Auftrag.objects.filter(kunde=benutzer)
    qs = (
        qs  # nur offene
        .exclude(kunde=None)
    )
    alle = await sync_to_async(list)(qs)
    return auftrag.kunde == benutzer, alle
