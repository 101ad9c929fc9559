from django.db import models


class BroadcastTask(models.Model):
    text = models.TextField()
    executed = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)
