"""Bearer-token authentication for the JSON API."""
from functools import wraps

from django.contrib.auth import get_user_model
from django.http import JsonResponse


def jwt_required(func):
    """Replaces request.user with the user the token names (loaded here, not lazily)."""

    @wraps(func)
    async def wrapper(request, *args, **kwargs):
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        user = await get_user_model().objects.filter(auth_tokens__key=token).afirst()
        if user is None:
            return JsonResponse({"detail": "Invalid token"}, status=401)
        request.user = user
        return await func(request, *args, **kwargs)

    return wrapper
