import asyncio

from shop.db import AsyncSession, Session, SessionBase


class Repository:
    def __init__(self):
        self.session = Session()
        self.async_session = AsyncSession()


class OrderRepository(Repository):
    async def get(self, pk):
        # The twin is assigned in the base class's __init__.
        return await asyncio.to_thread(self.session.get, pk)


class CartRepository:
    async_session = None  # set by the app factory

    def __init__(self):
        self.session = Session()

    async def get(self, pk):
        return await asyncio.to_thread(self.session.get, pk)


class InvoiceRepository:
    def __init__(self):
        self.session = Session()

    async def get(self, pk):
        # No async_session here: the twin would be an AttributeError.
        return await asyncio.to_thread(self.session.get, pk)


class RemoteRepository(SessionBase):
    async def get(self, pk):
        return await asyncio.to_thread(self.session.get, pk)


async def standalone(self, pk):
    return await asyncio.to_thread(self.session.get, pk)
