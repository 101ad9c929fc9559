from shop.services import *
from shop.models import Category


async def active_categories():
    return [obj async for obj in Category.objects.filter(active=True)]


async def rename(pk: int, name: str) -> None:
    category = await Category.objects.aget(pk=pk)
    category.name = name
    await category.asave(update_fields=["name"])
