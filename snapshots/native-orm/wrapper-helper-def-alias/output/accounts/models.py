from django.conf import settings
from django.db import models


class OAuthConnection(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    provider = models.CharField(max_length=50)
    uid = models.CharField(max_length=255)

    @classmethod
    def get_or_none(cls, **kwargs):
        try:
            return cls.objects.select_related("user").get(**kwargs)
        except cls.DoesNotExist:
            return None

    @classmethod
    async def aget_or_none(cls, **kwargs):
        try:
            return await cls.objects.select_related("user").aget(**kwargs)
        except cls.DoesNotExist:
            return None
