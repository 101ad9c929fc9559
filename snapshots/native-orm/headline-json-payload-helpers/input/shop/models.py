from django.db import models


class PullRequest(models.Model):
    number = models.PositiveIntegerField(unique=True)
    title = models.CharField(max_length=200)
    state = models.CharField(max_length=20)


class PullRequestFile(models.Model):
    pull_request = models.ForeignKey(PullRequest, related_name="files", on_delete=models.CASCADE)
    path = models.CharField(max_length=300)
    additions = models.PositiveIntegerField(default=0)


class Review(models.Model):
    pull_request = models.ForeignKey(PullRequest, related_name="reviews", on_delete=models.CASCADE)
    author = models.CharField(max_length=100)
    state = models.CharField(max_length=20)
