from django.contrib.auth import get_user_model

from accounts.models import OAuthConnection

User = get_user_model()


class OAuthController:
    @classmethod
    async def callback(cls, request, provider: str, uid: str):
        connection, _ = await _sync_to_async(OAuthConnection.objects.update_or_create)(
            provider=provider,
            uid=uid,
            defaults={"user": request.user},  # the signed-in user
        )
        existing = await OAuthConnection.aget_or_none(provider=provider, uid=uid)
        return connection, existing

    @classmethod
    async def list_connections(cls, request):
        user = await request.auser()
        connections = [obj async for obj in OAuthConnection.objects.filter(user=user)]
        return [c.provider for c in connections]

    @classmethod
    async def disconnect(cls, request, provider: str):
        user = await request.auser()
        connection = await OAuthConnection.objects.aget(
            user=user,
            provider=provider,
        )
        others = await OAuthConnection.objects.filter(user=user).exclude(provider=provider).acount()
        if others == 0:
            raise ValueError("Cannot disconnect the last provider")
        await connection.adelete()
        return {"success": True}


# =============================================================================
# Helper Functions
# =============================================================================


def _sync_to_async(func):
    """Convert sync function to async."""
    from asgiref.sync import sync_to_async

    return sync_to_async(func, thread_sensitive=True)


async def _unique_username(base: str) -> str:
    username, counter = base, 1
    while await User.objects.filter(username=username).aexists():
        username = f"{base}{counter}"
        counter += 1
    return username
