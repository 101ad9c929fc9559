from django.conf import settings
from django.db import models


class Item(models.Model):
    sku = models.CharField(max_length=32)
    stock = models.IntegerField(default=0)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
