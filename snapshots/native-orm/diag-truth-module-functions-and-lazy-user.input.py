import os

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import models
from django.http import JsonResponse


class Export(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    path = models.CharField(max_length=255)


async def remove_export(request, path: str):
    # os.path.exists is a function of a standard module, not a queryset's exists()
    if await sync_to_async(os.path.exists)(path):
        await sync_to_async(os.remove)(path)
    return JsonResponse({"removed": path})


async def whoami(request):
    # request.user is the request's lazy user, no relation of a model
    if not await sync_to_async(lambda: request.user.is_authenticated)():
        return JsonResponse({"user": None}, status=401)
    return JsonResponse({"user": request.user.pk})
