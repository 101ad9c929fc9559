from typing import Literal, Optional, overload

import typing

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


async def aget_profile(pk: int, *, strict: bool = False) -> Optional[Profile]:
    """The profile; with strict=True a missing one raises Profile.DoesNotExist."""
    if strict:
        return await Profile.objects.aget(pk=pk)
    return await Profile.objects.filter(pk=pk).afirst()


async def profile_view(request, pk: int):
    profile = await aget_profile(pk, strict=False)
    return {"name": profile.name if profile else "—"}
