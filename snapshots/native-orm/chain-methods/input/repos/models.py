from django.db import models


class Branch(models.Model):
    repo_id = models.IntegerField()
    name = models.CharField(max_length=200)


class Tag(models.Model):
    repo_id = models.IntegerField()
    name = models.CharField(max_length=200)
