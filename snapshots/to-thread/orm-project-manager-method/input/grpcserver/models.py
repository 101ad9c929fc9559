from django.db import models
from django.utils import timezone


class GRPCServerStatusManager(models.Manager):
    def running(self):
        return self.filter(status="running")

    def start_server(self, host, port, pid):
        """Record a start; the row is created or reused."""
        status, _ = self.update_or_create(
            host=host, port=port, defaults={"pid": pid, "started_at": timezone.now()}
        )
        return status


class GRPCServerStatus(models.Model):
    host = models.CharField(max_length=255)
    port = models.IntegerField()
    pid = models.IntegerField(null=True)
    status = models.CharField(max_length=20, default="stopped")
    started_at = models.DateTimeField(null=True)

    objects = GRPCServerStatusManager()
