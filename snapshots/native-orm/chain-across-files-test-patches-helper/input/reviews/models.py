from django.db import models


class PullRequest(models.Model):
    number = models.IntegerField()
    archive = models.FileField()


class Review(models.Model):
    pull_request = models.ForeignKey(PullRequest, on_delete=models.CASCADE)
    external_id = models.IntegerField()
    state = models.CharField(max_length=20)


class Commit(models.Model):
    pull_request = models.ForeignKey(PullRequest, on_delete=models.CASCADE)
    sha = models.CharField(max_length=40)


class File(models.Model):
    pull_request = models.ForeignKey(PullRequest, on_delete=models.CASCADE)
    name = models.CharField(max_length=200)
