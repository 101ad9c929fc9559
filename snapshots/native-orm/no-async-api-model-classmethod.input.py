from asgiref.sync import sync_to_async
from django.db import models


class Machine(models.Model):
    config = models.JSONField(default=dict)

    @classmethod
    def _sanitize_config(cls, config):
        return {k: v for k, v in config.items() if not k.startswith("_")}

    @classmethod
    @sync_to_async
    def register(cls, config):
        clean = cls._sanitize_config(config)
        return cls.objects.create(config=clean)
