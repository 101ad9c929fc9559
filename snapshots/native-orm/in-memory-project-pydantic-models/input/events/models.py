from django.db import models


class JobInstance(models.Model):
    uuid = models.CharField(max_length=40, unique=True)
    stdout = models.TextField(default="")
    counter = models.IntegerField(default=0)
