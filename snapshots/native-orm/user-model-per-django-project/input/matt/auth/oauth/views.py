from asgiref.sync import sync_to_async

from matt.auth.decorators import jwt_required


@jwt_required
async def account_status(request):
    has_passkeys = hasattr(request.user, "passkey_credentials") and await sync_to_async(
        request.user.passkey_credentials.exists
    )()
    return {"passkeys": has_passkeys}


async def public_status(request):
    # Django's session user: a SimpleLazyObject until something loads it.
    has_passkeys = request.user.is_authenticated and await sync_to_async(
        request.user.passkey_credentials.exists
    )()
    return {"passkeys": has_passkeys}
