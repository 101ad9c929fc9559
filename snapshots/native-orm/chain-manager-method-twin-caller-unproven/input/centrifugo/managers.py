from django.db import models
from django.utils import timezone


class PublishLogManager(models.Manager):
    def mark_success(self, log_instance):
        log_instance.status = "success"
        log_instance.completed_at = timezone.now()
        log_instance.save(update_fields=["status", "completed_at"])

    def mark_timeout(self, log_instance):
        log_instance.status = "timeout"
        log_instance.error_message = f"Timeout after {log_instance.ack_timeout}s"
        log_instance.save(update_fields=["status", "error_message"])

    def mark_failed(self, log_instance, error_code: str):
        log_instance.status = "failed"
        log_instance.error_code = error_code
        log_instance.save(update_fields=["status", "error_code"])

    def mark_user_failed(self, log_instance):
        # The user is a ForeignKey: reading it may load a row.
        log_instance.error_message = f"Failed for {log_instance.user}"
        log_instance.save(update_fields=["error_message"])
