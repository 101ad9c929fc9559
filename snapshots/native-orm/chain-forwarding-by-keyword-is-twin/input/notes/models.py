from django.db import models


class Document(models.Model):
    title = models.CharField(max_length=200)


class Note(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE)
    title = models.CharField(max_length=200)
    content = models.TextField()
    creator_id = models.IntegerField()
