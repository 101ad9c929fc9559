from django.db import models


class GithubConfig(models.Model):
    user = models.CharField(max_length=100)
    repo = models.CharField(max_length=100)


class NotionConfig(models.Model):
    user = models.CharField(max_length=100)
    page = models.CharField(max_length=100)
