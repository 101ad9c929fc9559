from django.contrib.auth.base_user import BaseUserManager


class MemberManager(BaseUserManager):
    """The old site's members, kept for the data migration."""

    def create_user(self, email, password=None):
        user = self.model(email=email)
        user.set_password(password)
        user.save(using=self._db)
        return user
