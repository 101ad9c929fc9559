from django.contrib.auth.models import AbstractBaseUser, BaseUserManager
from django.db import models


class MemberManager(BaseUserManager):
    def create_user(self, email, password=None):
        member = self.model(email=self.normalize_email(email))
        member.set_password(password)
        member.save(using=self._db)
        return member

    async def acreate_user(self, email, password=None):
        member = self.model(email=self.normalize_email(email))
        member.set_password(password)
        await member.asave(using=self._db)
        return member


class User(AbstractBaseUser):
    email = models.EmailField(unique=True)
    USERNAME_FIELD = "email"

    objects = MemberManager()
