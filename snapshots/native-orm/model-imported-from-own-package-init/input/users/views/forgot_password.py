from typing import cast

from asgiref.sync import sync_to_async

from . import CustomUser, F_URL


async def forgot_password(email: str):
    try:
        user = cast(CustomUser, await sync_to_async(CustomUser.objects.get)(email=email))
    except CustomUser.DoesNotExist:
        return None
    return f"{F_URL}/{user.pk}"
