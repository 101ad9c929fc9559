from django.db import models


class Article(models.Model):
    stats = models.JSONField(blank=True, default=dict)
    median = models.PositiveIntegerField(default=0)
    nb_winners = models.PositiveIntegerField(default=0)
