from app.services import *
from app.models import Category


async def active_categories():
    return await sync_to_async(list)(Category.objects.filter(active=True))
