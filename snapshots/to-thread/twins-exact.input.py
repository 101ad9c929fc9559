import asyncio

from channels.generic.websocket import AsyncJsonWebsocketConsumer

from shop.sessions import AsyncSessionService, SessionService


class SessionConsumer(AsyncJsonWebsocketConsumer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.session_service = SessionService()
        self.async_session_service = AsyncSessionService()

    async def connect(self):
        session = await asyncio.to_thread(
            self.session_service.get_active_session, self.scope["user"].id
        )
        # No twin declared for close_session: stays in its thread.
        await asyncio.to_thread(self.session_service.close_session, session)
        await self.accept()
