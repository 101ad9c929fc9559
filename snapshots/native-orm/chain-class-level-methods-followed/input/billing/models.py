from django.db import models


class Invoice(models.Model):
    number = models.CharField(max_length=20)
    paid = models.BooleanField(default=False)
    reminders = models.IntegerField(default=0)
