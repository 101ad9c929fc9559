from django.conf import settings
from django.db import models

from .managers import PublishLogManager


class PublishLog(models.Model):
    class StatusChoices(models.TextChoices):
        PENDING = "pending"
        FAILED = "failed"

    key = models.CharField(max_length=64, unique=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    status = models.CharField(max_length=20, choices=StatusChoices.choices)
    error_code = models.CharField(max_length=50, blank=True)
    completed_at = models.DateTimeField(null=True)
    duration_ms = models.IntegerField(null=True)
    retries = models.IntegerField(default=0)

    objects = PublishLogManager()
