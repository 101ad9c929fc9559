from shop.services import *
from shop.models import Category


async def active_categories():
    return await sync_to_async(list)(Category.objects.filter(active=True))


async def rename(pk: int, name: str) -> None:
    category = await sync_to_async(Category.objects.get)(pk=pk)
    category.name = name
    await sync_to_async(category.save)(update_fields=["name"])
