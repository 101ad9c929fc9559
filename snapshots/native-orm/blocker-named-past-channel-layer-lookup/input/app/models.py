from django.db import models


class OutboxEvent(models.Model):
    topic = models.CharField(max_length=100)
    ts = models.CharField(max_length=40)
