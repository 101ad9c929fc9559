from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models

from .managers import MemberManager


class LegacyMember(AbstractBaseUser):
    email = models.EmailField(unique=True)

    USERNAME_FIELD = "email"
    objects = MemberManager()
