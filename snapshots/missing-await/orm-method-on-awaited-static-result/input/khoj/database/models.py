from django.db import models


class Conversation(models.Model):
    user = models.CharField(max_length=100)
    title = models.CharField(max_length=200, blank=True)


class Agent(models.Model):
    name = models.CharField(max_length=100)
