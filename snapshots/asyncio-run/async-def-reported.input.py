import asyncio

from .clients import notify


async def handler(user):
    asyncio.run(notify(user))


async def other(user):
    return asyncio.run(notify(user)).status
