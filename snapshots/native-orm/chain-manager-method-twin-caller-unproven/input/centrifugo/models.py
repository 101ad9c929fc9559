from django.conf import settings
from django.db import models

from .managers import PublishLogManager


class PublishLog(models.Model):
    class StatusChoices(models.TextChoices):
        PENDING = "pending"
        SUCCESS = "success"
        FAILED = "failed"
        TIMEOUT = "timeout"

    message_id = models.CharField(max_length=64, unique=True)
    channel = models.CharField(max_length=200)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    status = models.CharField(max_length=20, choices=StatusChoices.choices)
    error_code = models.CharField(max_length=50, blank=True)
    error_message = models.TextField(blank=True)
    ack_timeout = models.IntegerField(null=True)
    completed_at = models.DateTimeField(null=True)
    duration_ms = models.IntegerField(null=True)

    objects = PublishLogManager()
