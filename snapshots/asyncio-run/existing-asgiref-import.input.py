import asyncio

from asgiref.sync import sync_to_async
from django.http import JsonResponse

from .clients import fetch


def view(request):
    return JsonResponse(asyncio.run(fetch(request.path)))


get_user = sync_to_async(lambda r: r.user)
