import asyncio

from pkg import work
from pkg.state import REGISTRY_LOCK
from pkg.store import FileStore

store = FileStore()


async def b1():
    await asyncio.to_thread(work.imported_lock)


async def b2():
    await asyncio.to_thread(work.semaphore)


async def b3():
    await asyncio.to_thread(work.alias_lock)


async def b4():
    return await asyncio.to_thread(work.property_lock)


async def b5():
    await asyncio.to_thread(work.enter_lock)


async def b6():
    return await asyncio.to_thread(work.init_lock)


async def b7():
    await asyncio.to_thread(work.param_lock, REGISTRY_LOCK)


async def b8():
    await asyncio.to_thread(store.put, "k")
