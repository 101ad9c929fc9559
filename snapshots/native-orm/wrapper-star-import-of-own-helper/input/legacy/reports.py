from legacy.compat import *
from shop.models import Category


async def count_categories():
    return await sync_to_async(Category.objects.count)()
