from asgiref.sync import sync_to_async
from django.utils import timezone

from shop import models


class OrderRepository:
    @staticmethod
    @sync_to_async
    def touch(pk: int):
        models.Order.objects.filter(pk=pk).update(touched=timezone.now())

    @sync_to_async(thread_sensitive=True)
    def recent(self, limit=10):
        return list(
            models.Order.objects.order_by("-created")[:limit]  # newest first
        )


async def handler(repo: OrderRepository):
    # a nested wrapper inside async def is converted on its own
    @sync_to_async
    def count():
        return models.Order.objects.count()

    return await count(), await repo.recent()
