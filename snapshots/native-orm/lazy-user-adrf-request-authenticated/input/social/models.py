from django.contrib.auth.models import AbstractUser
from django.db import models


class Member(AbstractUser):
    muted = models.ManyToManyField("self", symmetrical=False, related_name="muted_by")
