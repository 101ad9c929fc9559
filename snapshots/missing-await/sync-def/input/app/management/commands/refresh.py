from django.core.management.base import BaseCommand

from app.rates import refresh_rates


async def prune_cache(days):
    ...


class Command(BaseCommand):
    def handle(self, *args, **options):
        refresh_rates(options["currency"])
        prune_cache(days=3)  # keep a week
        result = refresh_rates("EUR")
        return result
