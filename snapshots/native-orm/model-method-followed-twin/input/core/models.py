from django.db import models


class Snapshot(models.Model):
    class StatusChoices(models.TextChoices):
        QUEUED = "queued"
        STARTED = "started"
        SEALED = "sealed"

    crawl = models.ForeignKey("crawls.Crawl", on_delete=models.CASCADE)
    url = models.URLField()
    status = models.CharField(max_length=15, choices=StatusChoices.choices)
