import asyncio

from pkg import build
from pkg.records import Audited, Entry, Point, Registers


async def registers():
    return await asyncio.to_thread(Registers)


async def entry():
    return await asyncio.to_thread(Entry, [1])


async def audited():
    return await asyncio.to_thread(Audited)


async def through_helpers(name: str):
    first = await asyncio.to_thread(build.new_registers)
    second = await asyncio.to_thread(build.new_entry)
    third = await asyncio.to_thread(build.pooled, name)
    fourth = await asyncio.to_thread(build.audited)
    return first, second, third, fourth


async def plain_dataclass():
    return Point(1, 2)


async def plain_helper():
    return build.origin()
