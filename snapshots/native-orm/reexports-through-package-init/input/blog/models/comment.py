from django.db import models

__all__ = ["Comment"]


class Comment(models.Model):
    post = models.ForeignKey("blog.Post", on_delete=models.CASCADE)
    body = models.TextField()
