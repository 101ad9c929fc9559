from django.db import models


class TaskEvent(models.Model):
    kind = models.CharField(max_length=20)
