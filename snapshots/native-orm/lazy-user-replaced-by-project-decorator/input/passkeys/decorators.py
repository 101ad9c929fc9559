"""Token authentication for the passkey API (the views are called with the token's user)."""
import inspect
from functools import wraps

from django.contrib.auth import get_user_model
from django.http import JsonResponse


def jwt_required(func):
    """Replace request.user with the user the bearer token names."""

    @wraps(func)
    async def async_wrapper(self_or_request, *args, **kwargs):
        request = getattr(self_or_request, "request", self_or_request)
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if not token:
            return JsonResponse({"detail": "Authentication required"}, status=401)
        user = await get_user_model().objects.filter(auth_token=token).afirst()
        if user is None:
            return JsonResponse({"detail": "Invalid token"}, status=401)
        request.user = user  # the token's user, loaded: no lazy object from here on
        if inspect.iscoroutinefunction(func):
            return await func(self_or_request, *args, **kwargs)
        return func(self_or_request, *args, **kwargs)

    return async_wrapper


def token_optional(func):
    """Sets request.user only when a token is sent: otherwise it stays Django's lazy user."""

    @wraps(func)
    async def wrapper(request, *args, **kwargs):
        token = request.headers.get("Authorization")
        if token:
            request.user = await get_user_model().objects.aget(auth_token=token)
        return await func(request, *args, **kwargs)

    return wrapper


def audited(func):
    """Calls the view first: request.user is still lazy while it runs."""

    @wraps(func)
    async def wrapper(request, *args, **kwargs):
        response = await func(request, *args, **kwargs)
        request.user = None
        return response

    return wrapper
