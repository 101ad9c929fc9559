from django.conf import settings
from django.db import models

from chat.mixins import RoomStatsMixin


class Room(models.Model):
    name = models.CharField(max_length=100)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)


class Message(models.Model):
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="messages")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    text = models.TextField()
    read = models.BooleanField(default=False)


class Ticket(RoomStatsMixin, models.Model):
    """A support ticket opened from a room: `room` is a ForeignKey here."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE)
