from asgiref.sync import sync_to_async
from django.contrib.auth.models import User

from members.models import Member


async def load_member(member_username: str):
    get_user = sync_to_async(
        User.objects.filter(username=member_username).first  # None when unknown
    )
    member_user = await get_user()
    if not member_user:
        return None
    get_member = sync_to_async(lambda: Member.objects.filter(user=member_user).first())
    return await get_member()
