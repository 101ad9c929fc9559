from django.contrib.auth.models import User

from members.models import Member


async def load_member(member_username: str):
    get_user = User.objects.filter(username=member_username).afirst
    member_user = await get_user()
    if not member_user:
        return None
    get_member = lambda: Member.objects.filter(user=member_user).afirst()
    return await get_member()
