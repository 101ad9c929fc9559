from django.conf import settings
from django.db import models


class UserIdentityCore(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="identity_core")
    public_id = models.CharField(max_length=10, unique=True)


class PublicHandle(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="public_handle")
    handle = models.CharField(max_length=32, unique=True)
