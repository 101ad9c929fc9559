import asyncio
import threading

from pkg import feed
from pkg.feed import rows

_local_lock = threading.Lock()


def local_rows():
    with _local_lock:
        yield 1


def local_list() -> list:
    return [1]


async def all_rows():
    return await asyncio.to_thread(list, rows())


async def all_rows_lambda():
    return await asyncio.to_thread(lambda: list(rows()))


async def sorted_names():
    return await asyncio.to_thread(sorted, feed.names())


async def joined_names():
    return await asyncio.to_thread(", ".join, feed.names())


async def local():
    return await asyncio.to_thread(tuple, local_rows())


async def from_a_list(items: list):
    return await asyncio.to_thread(sorted, items)


async def plain_function_result():
    return await asyncio.to_thread(sum, local_list())
