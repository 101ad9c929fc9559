from asgiref.sync import sync_to_async
from django.db import models


class AsyncBaseManager(models.Manager):
    async def aget(self, **kwargs):
        # The project's own aget: None for a missing row.
        return await self.get_or_none(**kwargs)

    @sync_to_async
    def get_or_none(self, **kwargs):
        try:
            return super().get(**kwargs)
        except self.model.DoesNotExist:
            return None

    @sync_to_async
    def ensure(self, defaults=None, **kwargs):
        return super().get_or_create(defaults, **kwargs)


class Mixin:
    pass


class MixedManager(Mixin, models.Manager):
    @sync_to_async
    def get_or_none(self, **kwargs):
        # Two bases: what super() finds first is not read here.
        return super().filter(**kwargs).first()
