from typing import TypeAlias, Union

from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.db import models


class User(AbstractUser):
    team = models.ForeignKey("perms.Team", null=True, on_delete=models.SET_NULL)


class Team(models.Model):
    name = models.CharField(max_length=50)


AnyUser: TypeAlias = Union[AnonymousUser, "User"]
