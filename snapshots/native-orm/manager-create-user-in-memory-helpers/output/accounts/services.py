from django.contrib.auth.hashers import make_password

from accounts.models import Member


async def import_member(email: str, raw_password: str) -> Member:
    # accounts migrated from the old site: hashed here, saved once
    return await Member.objects.acreate(
        email=Member.objects.normalize_email(email),
        password=make_password(raw_password),
    )
