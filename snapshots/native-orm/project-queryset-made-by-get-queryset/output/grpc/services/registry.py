from django.db import models
from django.db.models import Avg, Count

from ..models import RequestLog


class ServiceRegistry:
    async def get_all_services_with_stats(self, names: list[str], hours: int = 24) -> list[dict]:
        # The QuerySet class get_queryset() makes has recent() and slow(): lazy steps.
        async def get_service_stats_sync(service_name: str):
            return (
                await RequestLog.objects.filter(service_name=service_name)
                .recent(hours)
                .slow()
                .aaggregate(total=Count("id"), avg=Avg("duration_ms"), last=models.Max("created_at"))
            )

        return [await get_service_stats_sync(n) for n in names]
