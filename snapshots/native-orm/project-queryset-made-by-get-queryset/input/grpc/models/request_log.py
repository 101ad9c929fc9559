from django.db import models


class RequestLog(models.Model):
    service_name = models.CharField(max_length=100)
    status = models.CharField(max_length=20)
    duration_ms = models.IntegerField(null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    from ..managers.request_log import RequestLogManager

    objects: RequestLogManager = RequestLogManager()
