from django.db import models
from django.utils import timezone


class PublishLogManager(models.Manager):
    def mark_success(self, log_instance, duration_ms: int | None = None):
        from .models import PublishLog

        log_instance.status = PublishLog.StatusChoices.SUCCESS
        log_instance.completed_at = timezone.now()
        if duration_ms is not None:
            log_instance.duration_ms = duration_ms
        log_instance.save(update_fields=["status", "completed_at", "duration_ms"])

    async def amark_success(self, log_instance, duration_ms: int | None = None):
        from .models import PublishLog

        log_instance.status = PublishLog.StatusChoices.SUCCESS
        log_instance.completed_at = timezone.now()
        if duration_ms is not None:
            log_instance.duration_ms = duration_ms
        await log_instance.asave(update_fields=["status", "completed_at", "duration_ms"])

    def mark_timeout(self, log_instance, duration_ms: int | None = None):
        """Mark publish as timed out — the message names the ACK timeout."""
        from .models import PublishLog

        log_instance.status = PublishLog.StatusChoices.TIMEOUT
        log_instance.error_code = "timeout"
        log_instance.error_message = f"Timeout after {log_instance.ack_timeout}s"
        log_instance.completed_at = timezone.now()
        log_instance.save(
            update_fields=[
                "status",
                "error_code",
                "error_message",
                "completed_at",
            ]
        )

    async def amark_timeout(self, log_instance, duration_ms: int | None = None):
        """Mark publish as timed out — the message names the ACK timeout."""
        from .models import PublishLog

        log_instance.status = PublishLog.StatusChoices.TIMEOUT
        log_instance.error_code = "timeout"
        log_instance.error_message = f"Timeout after {log_instance.ack_timeout}s"
        log_instance.completed_at = timezone.now()
        await log_instance.asave(
            update_fields=[
                "status",
                "error_code",
                "error_message",
                "completed_at",
            ]
        )

    def mark_failed(self, log_instance, error_code: str, error_message: str):
        from .models import PublishLog

        log_instance.status = PublishLog.StatusChoices.FAILED
        log_instance.error_code = error_code
        log_instance.error_message = error_message
        log_instance.save(update_fields=["status", "error_code", "error_message"])

    async def amark_failed(self, log_instance, error_code: str, error_message: str):
        from .models import PublishLog

        log_instance.status = PublishLog.StatusChoices.FAILED
        log_instance.error_code = error_code
        log_instance.error_message = error_message
        await log_instance.asave(update_fields=["status", "error_code", "error_message"])
