from asgiref.sync import async_to_sync
from django.core.management.base import BaseCommand

from app.rates import refresh_rates


async def prune_cache(days):
    ...


class Command(BaseCommand):
    def handle(self, *args, **options):
        async_to_sync(refresh_rates)(options["currency"])
        async_to_sync(prune_cache)(days=3)  # keep a week
        result = refresh_rates("EUR")
        return result
