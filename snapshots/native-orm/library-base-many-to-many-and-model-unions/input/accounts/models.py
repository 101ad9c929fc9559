from typing import Union

from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    bio = models.TextField(blank=True)


class GreetingBase(models.Model):
    title = models.CharField(max_length=80)

    class Meta:
        abstract = True


class EnglishGreeting(GreetingBase):
    pass


class FrenchGreeting(GreetingBase):
    pass


Greeting = Union[EnglishGreeting, FrenchGreeting]

# Written one member a line (orm-review-9 R9b, SearchBot's texts alias).
GreetingChoice = Union[
    EnglishGreeting,  # the default
    FrenchGreeting,
]
