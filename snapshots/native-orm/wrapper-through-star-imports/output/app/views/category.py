from app.views import *
from app.models import Category


async def first_category(request):
    category = await Category.objects.filter(active=True).afirst()
    return category
