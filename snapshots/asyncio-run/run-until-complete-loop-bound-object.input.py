import asyncio

import aiohttp
from django.conf import settings

from payments.gateway import fetch_rates


class GatewayClient:
    def __init__(self):
        self.loop = asyncio.new_event_loop()
        self.session = self.loop.run_until_complete(self._open())

    async def _open(self):
        return aiohttp.ClientSession(base_url=settings.GATEWAY_URL)

    def close(self):
        # The session belongs to self.loop: async_to_sync would close it on another loop.
        self.loop.run_until_complete(self.session.close())

    def rates(self, currency):
        loop = asyncio.get_event_loop()
        return loop.run_until_complete(fetch_rates(currency))


def close_shared(session: aiohttp.ClientSession):
    loop = asyncio.get_event_loop()
    loop.run_until_complete(session.close())
