from django.contrib.auth import get_user_model
from django.shortcuts import aget_list_or_404

User = get_user_model()


async def verify(username, password):
    user = await User.objects.aget(username=username)
    ok = await user.acheck_password(password)
    items = await aget_list_or_404(User, is_active=True)
    return ok, items
