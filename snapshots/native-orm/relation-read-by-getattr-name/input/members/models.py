from django.contrib.auth.models import AbstractUser
from django.db import models


class Badge(models.Model):
    code = models.CharField(max_length=20)


class Member(AbstractUser):
    badge = models.OneToOneField(Badge, null=True, blank=True, on_delete=models.SET_NULL)
