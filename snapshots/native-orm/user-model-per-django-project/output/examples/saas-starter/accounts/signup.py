from django.contrib.auth import get_user_model

User = get_user_model()


async def sign_up(email: str, password: str):
    return await User.objects.acreate_user(email, password=password)
