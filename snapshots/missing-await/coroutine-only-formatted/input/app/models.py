from django.db import models


class NotionConfig(models.Model):
    user = models.CharField(max_length=100)
    token = models.CharField(max_length=200)


class Conversation(models.Model):
    title = models.CharField(max_length=200)
