"""OAuth sign-in: accounts are created for new e-mail addresses."""
from asgiref.sync import sync_to_async
from django.contrib.auth import get_user_model

User = get_user_model()


async def sign_in_with_provider(email: str, profile: dict) -> dict:
    user_data = {
        "username": profile.get("login") or email.split("@")[0],
        "email": email,
        "first_name": profile.get("given_name", ""),
    }
    if await sync_to_async(User.objects.filter(email=email).exists)():
        user = await User.objects.aget(email=email)
    else:
        user = await sync_to_async(User.objects.create_user)(  # Django's UserManager
            **user_data
        )
    has_passkeys = await sync_to_async(user.passkey_credentials.exists)()
    passkeys = await sync_to_async(user.passkey_credentials.count)()
    return {"id": user.pk, "passkeys": passkeys if has_passkeys else 0}
