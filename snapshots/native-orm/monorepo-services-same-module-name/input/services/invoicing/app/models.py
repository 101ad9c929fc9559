from django.db import models


class Invoice(models.Model):
    status = models.CharField(max_length=20, default="open")
    paid_at = models.DateTimeField(null=True)
