from django.db import models


class Activation(models.Model):
    name = models.CharField(max_length=80)
    is_enabled = models.BooleanField(default=True)
