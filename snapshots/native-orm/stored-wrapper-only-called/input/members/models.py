from django.conf import settings
from django.db import models


class Member(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="members")
    nickname = models.CharField(max_length=64)
