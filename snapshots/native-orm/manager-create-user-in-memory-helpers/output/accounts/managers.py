from django.contrib.auth.base_user import BaseUserManager


class MemberManager(BaseUserManager):
    def create_user(self, email=None, password=None, **extra_fields):
        if not email:
            raise ValueError("An email address must be set")
        email = self.normalize_email(email)
        username = self.model.normalize_username(extra_fields.pop("username", ""))
        user = self.model(email=email, username=username, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    async def acreate_user(self, email=None, password=None, **extra_fields):
        if not email:
            raise ValueError("An email address must be set")
        email = self.normalize_email(email)
        username = self.model.normalize_username(extra_fields.pop("username", ""))
        user = self.model(email=email, username=username, **extra_fields)
        user.set_password(password)
        await user.asave(using=self._db)
        return user

