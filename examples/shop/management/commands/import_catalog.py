import asyncio

from django.core.management.base import BaseCommand

from shop.models import Product
from shop.services import client


class Command(BaseCommand):
    help = "Import stock levels for every product from the warehouse."

    def handle(self, *args, **options):
        # A management command is its own process: asyncio.run is correct here.
        skus = list(Product.objects.values_list("sku", flat=True))
        levels = asyncio.run(self._fetch_all(skus))
        for sku, quantity in levels.items():
            Product.objects.filter(sku=sku).update(stock=quantity)
        self.stdout.write(self.style.SUCCESS(f"imported {len(levels)} stock levels"))

    async def _fetch_all(self, skus):
        quantities = await asyncio.gather(*(client.fetch_stock(sku) for sku in skus))
        return dict(zip(skus, quantities))
