"""Services with an async API beside the sync one (the wrapper named as Django names twins)."""

from accounts.models import Profile


def get_profile(user_id):
    return Profile.objects.select_related("user").get(user_id=user_id)


async def aget_profile(user_id):
    return await Profile.objects.select_related("user").aget(user_id=user_id)


async def touch_profile(user_id, *, seen):
    await Profile.objects.filter(user_id=user_id).aupdate(last_seen=seen)


async def atouch_profile(user_id, seen):
    # Not the same signature as touch_profile: an ordinary wrapper.
    await touch_profile(user_id, seen=seen)


def admin_profile(request, user_id):
    # A sync caller: get_profile keeps its sync form.
    return get_profile(user_id)
