from typing import cast

from . import CustomUser, F_URL


async def forgot_password(email: str):
    try:
        user = cast(CustomUser, await CustomUser.objects.aget(email=email))
    except CustomUser.DoesNotExist:
        return None
    return f"{F_URL}/{user.pk}"
