from django.conf import settings
from django.db import models


class OutboxEvent(models.Model):
    topic = models.CharField(max_length=100)
    ts = models.CharField(max_length=40)


class EmailChangeRequest(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    new_email = models.EmailField()
    verification_token = models.CharField(max_length=64)
