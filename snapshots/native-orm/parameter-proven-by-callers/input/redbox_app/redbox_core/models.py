from django.db import models
from django.utils import timezone


class File(models.Model):
    original_file_name = models.CharField(max_length=255)
    core_file_uuid = models.UUIDField(null=True)
    last_referenced = models.DateTimeField(default=timezone.now)


class Chat(models.Model):
    name = models.CharField(max_length=255)


class Report(models.Model):
    title = models.CharField(max_length=255)
    archived = models.BooleanField(default=False)


class Turn(models.Model):
    status = models.CharField(max_length=20)


class TurnEvent(models.Model):
    turn = models.ForeignKey(Turn, related_name="events", on_delete=models.CASCADE)
    seq = models.IntegerField()
