from django.http import JsonResponse

from shop.views import *
from shop.models import Category


async def first_category(request):
    category = await sync_to_async(Category.objects.filter(active=True).first)()
    return JsonResponse({"name": category.name if category else None})
