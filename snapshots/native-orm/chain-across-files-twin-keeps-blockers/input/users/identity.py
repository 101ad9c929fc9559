from django.db import IntegrityError, transaction

from users.models import PublicHandle, UserIdentityCore


def handle_owner_name(handle_id: int) -> str:
    h = PublicHandle.objects.get(pk=handle_id)
    return h.user.username  # a OneToOneField, not loaded: a query


def select_for_update_handle(handle_id: int):
    return PublicHandle.objects.select_for_update().get(pk=handle_id)


def handle_names(prefix: str) -> list:
    qs = PublicHandle.objects.filter(handle__startswith=prefix)
    if len(qs) > 10:
        return []
    return [h.handle for h in qs]


def first_handle_user(prefix: str):
    return PublicHandle.objects.filter(handle__startswith=prefix)[0].user


def ensure_user_identity_core(user) -> UserIdentityCore:
    persisted = UserIdentityCore.objects.filter(user=user).first()
    if persisted is not None:
        return persisted
    try:
        with transaction.atomic():
            return UserIdentityCore.objects.create(user=user, public_id="1")
    except IntegrityError:
        return UserIdentityCore.objects.filter(user=user).first()


# Sync callers in the same module: each function above keeps its sync form beside a twin,
# and the twin must pass the same checks as a function converted in place.
def profile_line(handle_id: int, prefix: str, user) -> str:
    select_for_update_handle(handle_id)
    first_handle_user(prefix)
    names = handle_names(prefix)
    core = ensure_user_identity_core(user)
    return f"{handle_owner_name(handle_id)} · {core.public_id} · {len(names)}"
