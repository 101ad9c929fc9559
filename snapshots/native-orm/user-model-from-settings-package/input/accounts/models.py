from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models


class AccountManager(UserManager):
    def active(self):
        return self.filter(is_active=True)


class Account(AbstractUser):
    display_name = models.CharField(max_length=80, blank=True)

    objects = AccountManager()
