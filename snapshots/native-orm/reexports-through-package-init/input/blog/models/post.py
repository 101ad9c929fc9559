from django.db import models


class PostQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status="published")


class Post(models.Model):
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=20)
    views = models.IntegerField(default=0)

    objects = PostQuerySet.as_manager()
