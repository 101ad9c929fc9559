from typing import Literal, Optional, overload

import typing
from asgiref.sync import sync_to_async

from accounts.models import Profile


@overload
def get_profile(pk: int, *, strict: Literal[True]) -> Profile: ...


@typing.overload
def get_profile(pk: int, *, strict: bool = False) -> Optional[Profile]: ...


def get_profile(pk: int, *, strict: bool = False) -> Optional[Profile]:
    """The profile; with strict=True a missing one raises Profile.DoesNotExist."""
    if strict:
        return Profile.objects.get(pk=pk)
    return Profile.objects.filter(pk=pk).first()


async def profile_view(request, pk: int):
    profile = await sync_to_async(get_profile)(pk, strict=False)
    return {"name": profile.name if profile else "—"}
