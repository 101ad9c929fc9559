from django.db import models
from django.utils import timezone


class PublishLogManager(models.Manager):
    def mark_failed(self, log_instance, error_code: str, duration_ms: int | None = None):
        """
        Mark publish as failed.

        Args:
            log_instance: PublishLog instance
        """
        from .models import PublishLog

        log_instance.status = PublishLog.StatusChoices.FAILED
        log_instance.error_code = error_code
        log_instance.completed_at = timezone.now()
        if duration_ms is not None:
            log_instance.duration_ms = duration_ms
        log_instance.save(update_fields=["status", "error_code", "completed_at", "duration_ms"])

    def mark_retried(self, log_instance):
        # Reads the instance too: its owner may be a relation loaded lazily.
        log_instance.retries += 1
        log_instance.save(update_fields=["retries"])
        return log_instance.owner

    def get_by_key(self, key: str):
        try:
            return self.select_related("owner").get(key=key)
        except self.model.DoesNotExist:
            return None

    def get_valid(self, key: str):
        log = self.get_by_key(key)
        if log is None or log.status == "failed":
            return None
        return log
