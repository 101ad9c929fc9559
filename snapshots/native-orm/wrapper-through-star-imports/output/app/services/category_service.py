from app.services import *
from app.models import Category


async def active_categories():
    return [obj async for obj in Category.objects.filter(active=True)]
