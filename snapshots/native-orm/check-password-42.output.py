from asgiref.sync import sync_to_async
from django.contrib.auth import get_user_model
from django.shortcuts import get_list_or_404

User = get_user_model()


async def verify(username, password):
    user = await User.objects.aget(username=username)
    ok = await sync_to_async(user.check_password)(password)
    items = get_list_or_404(User, is_active=True)
    return ok, items
