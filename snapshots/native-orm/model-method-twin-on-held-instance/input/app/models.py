from django.db import models


class Experiment(models.Model):
    name = models.CharField(max_length=128)
    participant_allowlist = models.JSONField(default=list)

    def is_participant_allowed(self, identifier: str):
        return identifier in self.participant_allowlist or Experiment.objects.filter(name=identifier).exists()

    async def ais_participant_allowed(self, identifier: str):
        return identifier in self.participant_allowlist or await Experiment.objects.filter(name=identifier).aexists()
