from django.db import models


class Entry(models.Model):
    user = models.ForeignKey("auth.User", on_delete=models.CASCADE)
    raw = models.TextField()
    file_path = models.CharField(max_length=400)
