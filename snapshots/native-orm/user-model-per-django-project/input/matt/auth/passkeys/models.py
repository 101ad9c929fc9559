from django.conf import settings
from django.db import models


class PasskeyCredential(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="passkey_credentials",
    )
    name = models.CharField(max_length=100)
    credential_id = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)
