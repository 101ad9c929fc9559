import asyncio

from pkg import ops
from pkg.store import Plain, SafeMap, Settings


async def size(m: SafeMap):
    return await asyncio.to_thread(ops.size, m)


async def lookup(m: SafeMap):
    return await asyncio.to_thread(ops.lookup, m, "k")


async def remember():
    await asyncio.to_thread(ops.remember, "k", "v")


async def has(m: SafeMap):
    return await asyncio.to_thread(ops.has, m, "k")


async def keys(m: SafeMap):
    return await asyncio.to_thread(ops.keys, m)


async def joined(m: SafeMap):
    return await asyncio.to_thread(ops.joined, m)


async def non_empty(m: SafeMap):
    return await asyncio.to_thread(ops.non_empty, m)


async def close(m: SafeMap):
    await asyncio.to_thread(ops.close, m)


async def is_closed(m: SafeMap):
    return await asyncio.to_thread(ops.is_closed, m)


async def debug(settings: Settings):
    return await asyncio.to_thread(ops.debug, settings)


async def plain(p: Plain):
    return await asyncio.to_thread(ops.plain, p)


async def first_ordered():
    return await asyncio.to_thread(ops.first_ordered)
