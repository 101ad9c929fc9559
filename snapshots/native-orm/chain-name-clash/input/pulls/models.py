from django.db import models


class PullRequest(models.Model):
    number = models.IntegerField()


class ChangedFile(models.Model):
    pull_request = models.ForeignKey(PullRequest, on_delete=models.CASCADE)
    path = models.CharField(max_length=500)
    additions = models.IntegerField(default=0)
    patch = models.FileField(blank=True)
