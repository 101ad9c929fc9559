from django.db import models


class Transaction(models.Model):
    order_id = models.CharField(max_length=100)
    status = models.CharField(max_length=20)
