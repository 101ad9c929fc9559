"""OAuth sign-in: accounts are created for new e-mail addresses."""
from django.contrib.auth import get_user_model

User = get_user_model()


async def sign_in_with_provider(email: str, profile: dict) -> dict:
    user_data = {
        "username": profile.get("login") or email.split("@")[0],
        "email": email,
        "first_name": profile.get("given_name", ""),
    }
    if await User.objects.filter(email=email).aexists():
        user = await User.objects.aget(email=email)
    else:
        user = await User.objects.acreate_user(  # Django's UserManager
            **user_data
        )
    has_passkeys = await user.passkey_credentials.aexists()
    passkeys = await user.passkey_credentials.acount()
    return {"id": user.pk, "passkeys": passkeys if has_passkeys else 0}
