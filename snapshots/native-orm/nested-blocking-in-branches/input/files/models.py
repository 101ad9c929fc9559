from django.db import models


class Blob(models.Model):
    path = models.CharField(max_length=200)
    size = models.PositiveIntegerField(default=0)
