"""API keys with live/test modes."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class APIKeyManager(models.Manager):
    """Custom manager for API keys."""

    def get_by_key(self, key: str):
        """Returns None if not found or inactive."""
        from .utils import get_key_prefix, hash_api_key

        try:
            return self.select_related("user").get(
                key_hash=hash_api_key(key),
                prefix=get_key_prefix(key),
                is_active=True,
            )
        except self.model.DoesNotExist:
            return None

    def get_valid(self, key: str):
        """Get a valid (active and not expired) API key."""
        api_key = self.get_by_key(key)
        if api_key is None:
            return None

        if api_key.is_expired:
            return None

        return api_key


class APIKey(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_keys")
    prefix = models.CharField(max_length=12, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    is_active = models.BooleanField(default=True)
    expires_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Key expiration date (null = never expires)",
    )

    objects = APIKeyManager()

    @property
    def is_expired(self) -> bool:
        """Check if the key has expired."""
        if self.expires_at is None:
            return False
        return timezone.now() > self.expires_at

    @property
    def expiry_label(self) -> str:
        if self.expires_at is None:
            return "never"
        elif self.is_active:
            return f"on {self.expires_at:%Y-%m-%d}"
        else:
            return "revoked"

    @property
    def days_left(self) -> int:
        # Not pure: asks the database.
        if self.expires_at is None:
            return -1
        return APIKey.objects.filter(pk=self.pk, expires_at__gt=timezone.now()).count()
