from asgiref.sync import sync_to_async
from django.contrib.auth import get_user_model

User = get_user_model()


async def sign_up(email: str, password: str):
    return await sync_to_async(User.objects.create_user)(email, password=password)
