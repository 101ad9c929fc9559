import asyncio

from .clients import load, notify


async def handler(user):
    asyncio.run(notify(user))


async def status(user):
    return asyncio.run(load(user)).status


async def first(user):
    return asyncio.run(load(user))[0]


async def call(user):
    return asyncio.run(load(user))()


async def total(user):
    return 1 + asyncio.run(load(user, # which
        deep=True))
