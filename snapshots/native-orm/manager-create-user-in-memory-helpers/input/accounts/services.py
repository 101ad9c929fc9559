from asgiref.sync import sync_to_async
from django.contrib.auth.hashers import make_password

from accounts.models import Member


@sync_to_async
def import_member(email: str, raw_password: str) -> Member:
    # accounts migrated from the old site: hashed here, saved once
    return Member.objects.create(
        email=Member.objects.normalize_email(email),
        password=make_password(raw_password),
    )
