"""OAuth connections: the async API of the accounts app."""
from django.core.mail import send_mail

from accounts.models import OAuthConnection


def _sync_to_async(func):
    """Convert sync function to async."""
    from asgiref.sync import sync_to_async

    return sync_to_async(func, thread_sensitive=True)


async def connect(request, provider: str, uid: str, extra: dict):
    connection, _ = await _sync_to_async(OAuthConnection.objects.update_or_create)(
        provider=provider,  # one row per provider and account
        uid=uid,
        defaults={"user": request.user, "extra": extra},
    )
    return connection


async def disconnect(provider: str, uid: str) -> int:
    connection = await _sync_to_async(OAuthConnection.objects.get)(provider=provider, uid=uid)
    others = await _sync_to_async(
        OAuthConnection.objects.filter(uid=uid).exclude(provider=provider).count
    )()
    await _sync_to_async(connection.delete)()
    return others


async def connections(uid: str):
    return await _sync_to_async(list)(OAuthConnection.objects.filter(uid=uid))


async def notify(address: str) -> None:
    # Mail has no async API: the helper keeps running it on the shared thread.
    await _sync_to_async(send_mail)("Déconnexion", "Votre compte a été délié.", None, [address])
