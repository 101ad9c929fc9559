from django.http import JsonResponse

from shop.views import *
from shop.models import Category


async def first_category(request):
    category = await Category.objects.filter(active=True).afirst()
    return JsonResponse({"name": category.name if category else None})
