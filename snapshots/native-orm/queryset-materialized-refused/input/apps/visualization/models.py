from django.db import models


class Sources(models.Model):
    title = models.CharField(max_length=255)
    key_words = models.TextField(null=True, blank=True)
    topic = models.CharField(max_length=255, null=True)
