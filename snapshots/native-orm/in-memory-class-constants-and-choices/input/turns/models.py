from django.db import models


class Post(models.Model):
    text = models.CharField(max_length=100)


class Bookmark(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE)


class Turn(models.Model):
    QUEUED = "queued"
    CLAIMED = "claimed"
    RUNNING = "running"
    LEGACY_ORIGIN_ALIASES = {"web": "board", "cli": "terminal"}

    class Kinds(models.TextChoices):
        post = "post"
        reply = "reply"

    key = models.CharField(max_length=40)
    origin = models.CharField(max_length=20)
    status = models.CharField(max_length=20, default=QUEUED)
    kind = models.CharField(max_length=20, choices=Kinds.choices, default=Kinds.post)
