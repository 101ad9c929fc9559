import asyncio
import json
import threading

from pkg.rows import backoff, label, load_rows, save

_local_lock = threading.Lock()


def local_rows() -> list:
    with _local_lock:
        return [3]


async def store():
    return await asyncio.to_thread(lambda: save(load_rows()))


async def store_later():
    return await asyncio.to_thread(lambda: save([], delay=backoff()))


async def dump():
    return await asyncio.to_thread(lambda: json.dumps(local_rows()))


async def named():
    # label() takes no lock: the unwrap stands
    return save([label()])
