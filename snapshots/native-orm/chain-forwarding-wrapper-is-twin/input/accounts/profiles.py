"""Services with an async API beside the sync one (the wrapper named as Django names twins)."""
from asgiref.sync import sync_to_async

from accounts.models import Profile


def get_profile(user_id):
    return Profile.objects.select_related("user").get(user_id=user_id)


@sync_to_async
def aget_profile(user_id):
    return get_profile(user_id)


def touch_profile(user_id, *, seen):
    Profile.objects.filter(user_id=user_id).update(last_seen=seen)


@sync_to_async
def atouch_profile(user_id, seen):
    # Not the same signature as touch_profile: an ordinary wrapper.
    touch_profile(user_id, seen=seen)


def admin_profile(request, user_id):
    # A sync caller: get_profile keeps its sync form.
    return get_profile(user_id)
