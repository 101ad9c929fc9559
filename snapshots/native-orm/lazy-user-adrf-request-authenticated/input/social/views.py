from adrf.decorators import api_view
from adrf.views import APIView
from asgiref.sync import sync_to_async
from django.http import JsonResponse
from rest_framework.response import Response


@api_view(["POST"])
async def mute(request):
    # adrf authenticated the caller before this runs: request.user is loaded
    await sync_to_async(request.user.muted.add)(request.data["member_id"])
    return Response({"muted": True})


class MutedView(APIView):
    async def get(self, request):
        count = await sync_to_async(request.user.muted.count)()
        return Response({"count": count})


async def plain_mute_count(request):
    # a plain Django view: request.user is the lazy user here
    return JsonResponse({"count": await sync_to_async(request.user.muted.count)()})
