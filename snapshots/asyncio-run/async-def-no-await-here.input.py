import asyncio

from .clients import load


async def total(users):
    return sum(asyncio.run(load(u)) for u in users)


async def callbacks(users):
    return [lambda: asyncio.run(load(u)) for u in users]


async def listed(users):
    return [asyncio.run(load(u)) for u in users]
