from asgiref.sync import sync_to_async
from django.contrib.auth import get_user_model

User = get_user_model()


async def greeting(user_id):
    user = await User.objects.aget(pk=user_id)
    # Columns of Django's user model: no related row to load.
    if not user.is_active:
        return None
    return f"Hello {user.first_name or user.username} <{user.email}>"


async def profile_city(user_id):
    user = await User.objects.aget(pk=user_id)
    # Not one of Django's columns: a package's user model may make it a ForeignKey.
    return user.profile.city
