from django.db import models


class Article(models.Model):
    public_id = models.CharField(max_length=20, unique=True)
    stats = models.JSONField(default=dict)  # {"<score>": <count>}
    median = models.IntegerField(default=0)


class Cycle(models.Model):
    name = models.CharField(max_length=255)
    workspace_id = models.UUIDField()
