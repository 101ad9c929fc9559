"""Celery-facing helpers."""
import time
from time import sleep as nap

from django.http import JsonResponse


async def health(request):
    time.sleep(0.1)
    nap(0.2)
    return JsonResponse({"ok": True})


def sync_health(request):
    time.sleep(0.1)
    return JsonResponse({"ok": True})
