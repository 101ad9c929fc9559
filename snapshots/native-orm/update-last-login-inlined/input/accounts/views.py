from datetime import timezone

from asgiref.sync import sync_to_async
from django.contrib.auth import aauthenticate
from django.contrib.auth.models import update_last_login
from django.http import JsonResponse


async def touch(request):
    # request.user is lazy: its first read loads the session's user, a query
    await sync_to_async(update_last_login)(None, request.user)
    return JsonResponse({"ok": True})


async def login_api(request, username, password):
    user = await aauthenticate(request, username=username, password=password)
    if user is None:
        return JsonResponse({"ok": False}, status=401)
    await sync_to_async(update_last_login)(sender=None, user=user)
    return JsonResponse({"ok": True, "tz": str(timezone.utc)})
