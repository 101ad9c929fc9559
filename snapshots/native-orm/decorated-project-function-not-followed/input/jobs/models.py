from django.db import models


class Job(models.Model):
    done = models.BooleanField(default=False)
