from django.db import models


class PullRequest(models.Model):
    number = models.IntegerField()


class Review(models.Model):
    pull_request = models.ForeignKey(PullRequest, on_delete=models.CASCADE)
    state = models.CharField(max_length=20)
