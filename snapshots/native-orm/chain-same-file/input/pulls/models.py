from django.db import models


class PullRequest(models.Model):
    number = models.IntegerField()


class Review(models.Model):
    pull_request = models.ForeignKey(PullRequest, on_delete=models.CASCADE)
    external_id = models.IntegerField()
    state = models.CharField(max_length=20)


class Commit(models.Model):
    pull_request = models.ForeignKey(PullRequest, on_delete=models.CASCADE)
    sha = models.CharField(max_length=40)
    message = models.TextField()


class ChangedFile(models.Model):
    pull_request = models.ForeignKey(PullRequest, on_delete=models.CASCADE)
    path = models.CharField(max_length=500)
    additions = models.IntegerField(default=0)
    patch = models.FileField(blank=True)
