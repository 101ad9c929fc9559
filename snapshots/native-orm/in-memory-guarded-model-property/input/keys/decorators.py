from functools import wraps

from django.http import JsonResponse


def api_key_required(view):
    @wraps(view)
    async def wrapper(request, *args, **kwargs):
        raw_key = request.headers.get("X-API-Key", "")
        if not raw_key:
            return JsonResponse({"detail": "API key required"}, status=401)

        # get_valid -> get_by_key already does select_related("user")
        from asgiref.sync import sync_to_async

        from .models import APIKey

        api_key = await sync_to_async(APIKey.objects.get_valid)(raw_key)
        if api_key is None:
            return JsonResponse({"detail": "Invalid API key"}, status=401)
        request.api_key = api_key
        return await view(request, *args, **kwargs)

    return wrapper
