from asgiref.sync import sync_to_async
from django.contrib.auth import get_user_model
from django.http import JsonResponse

UserModel = get_user_model()


async def register(request):
    username = request.POST["username"]
    if await sync_to_async(UserModel.objects.filter(username__iexact=username).exists)():
        return JsonResponse({"error": "taken"}, status=409)
    user = await sync_to_async(UserModel.objects.create_user)(
        username,
        password=request.POST["password"],  # hashed by create_user
    )
    return JsonResponse({"id": user.pk}, status=201)
