from django.db import models


class Webhook(models.Model):
    url = models.URLField()


class WebhookEvent(models.Model):
    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE)
    status = models.IntegerField(default=0)
    payload = models.JSONField(default=dict)
