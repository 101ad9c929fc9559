from adrf.requests import AsyncRequest
from adrf.views import APIView
from asgiref.sync import sync_to_async

from payments import click


class Prepare(APIView):
    async def post(self, request: AsyncRequest, *args, **kwargs):
        return await sync_to_async(click.prepare)(request)
