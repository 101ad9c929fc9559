"""Seed helpers (taiga's sampledata shape): async factories annotated with the model they return."""
import functools
from typing import Optional

from asgiref.sync import sync_to_async

from shop.models import Shop


async def make_shop(name: str) -> Shop:
    return await Shop.objects.acreate(name=name)


async def find_shop(
    name: str,
    defaults: dict = dict(),  # unused: kept as the real helper has it
) -> Optional["Shop"]:
    return await Shop.objects.filter(name=name).afirst()


@sync_to_async
def load_shop(pk) -> "shop.models.Shop":
    return Shop.objects.get(pk=pk)


@functools.lru_cache
async def cached_shop(name) -> Shop:
    return await Shop.objects.aget(name=name)
