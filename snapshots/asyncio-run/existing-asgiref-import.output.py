from asgiref.sync import async_to_sync, sync_to_async
from django.http import JsonResponse

from .clients import fetch


def view(request):
    return JsonResponse(async_to_sync(fetch)(request.path))


get_user = sync_to_async(lambda r: r.user)
