from asgiref.sync import sync_to_async
from django.contrib.auth import get_user_model

User = get_user_model()


async def accept_invite(email: str, password: str):
    # Which user model this is depends on the deployment's settings.
    return await sync_to_async(User.objects.create_user)(email, password=password)
