from django.conf import settings
from django.db import models


class Issue(models.Model):
    number = models.IntegerField()
    updated_at = models.DateTimeField(auto_now=True)


class Module(models.Model):
    issues = models.ManyToManyField(Issue, related_name="modules")
    assignees = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="assigned_modules")


class Message(models.Model):
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messages"
    )
    text = models.TextField()
