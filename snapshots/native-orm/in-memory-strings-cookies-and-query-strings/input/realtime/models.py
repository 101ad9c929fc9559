from django.db import models


class Profile(models.Model):
    key = models.CharField(max_length=64)
    digest = models.CharField(max_length=64)


class Message(models.Model):
    username = models.CharField(max_length=150)
    session_key = models.CharField(max_length=40, null=True)


class Session(models.Model):
    title = models.CharField(max_length=100)
