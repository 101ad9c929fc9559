from django.db import models

from app.managers import RunEnvelopeManager


class Run(models.Model):
    status = models.CharField(max_length=20)


class RunEnvelope(models.Model):
    run = models.OneToOneField(Run, on_delete=models.CASCADE)
    body = models.JSONField(default=dict)

    objects = RunEnvelopeManager()
