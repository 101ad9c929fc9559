from django.db import models


class Note(models.Model):
    text = models.TextField()


class Tag(models.Model):
    label = models.CharField(max_length=30)
