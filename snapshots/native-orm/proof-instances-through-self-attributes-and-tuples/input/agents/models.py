from django.contrib.auth.models import User
from django.db import models


class AgentSession(models.Model):
    status = models.CharField(max_length=20, default="active")


class ChatRoom(models.Model):
    title = models.CharField(max_length=100)


class Participant(models.Model):
    room = models.ForeignKey(ChatRoom, related_name="participants", on_delete=models.CASCADE)
    nickname = models.CharField(max_length=50)


class Runner(models.Model):
    name = models.CharField(max_length=50)
    paired_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL)


class DelegatedToken(models.Model):
    key = models.CharField(max_length=64)
    user = models.ForeignKey(User, on_delete=models.CASCADE)

    @classmethod
    def lookup(cls, raw):
        return cls.objects.filter(key=raw).first()
