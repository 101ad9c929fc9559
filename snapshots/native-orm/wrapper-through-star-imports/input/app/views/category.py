from app.views import *
from app.models import Category


async def first_category(request):
    category = await sync_to_async(Category.objects.filter(active=True).first)()
    return category
