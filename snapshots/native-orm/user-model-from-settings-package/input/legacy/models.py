from django.conf import settings
from django.db import models


class User(models.Model):
    """A row of the old system's user table, kept for the import."""

    login = models.CharField(max_length=40)
    migrated_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="legacy_users",
    )
