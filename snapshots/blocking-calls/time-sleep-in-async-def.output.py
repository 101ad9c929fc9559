"""Celery-facing helpers."""
import asyncio
import time

from django.http import JsonResponse


async def health(request):
    await asyncio.sleep(0.1)
    await asyncio.sleep(0.2)
    return JsonResponse({"ok": True})


def sync_health(request):
    time.sleep(0.1)
    return JsonResponse({"ok": True})
