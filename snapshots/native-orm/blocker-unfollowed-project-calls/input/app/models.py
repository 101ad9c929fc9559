from django.db import models


class Presence(models.Model):
    emp_id = models.IntegerField()
    seen = models.IntegerField(default=0)
