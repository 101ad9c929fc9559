from adrf.requests import AsyncRequest
from adrf.views import APIView

from payments import click


class Prepare(APIView):
    async def post(self, request: AsyncRequest, *args, **kwargs):
        return await click.aprepare(request)
