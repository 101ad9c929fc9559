import asyncio
import queue

from pkg import workers


async def ready() -> None:
    await asyncio.to_thread(workers.wait_until_ready)


async def polled() -> bool:
    return await asyncio.to_thread(workers.poll, lambda: True)


async def thumbnail(image: bytes) -> bytes:
    return await asyncio.to_thread(workers.resize_one, image)


async def thumbnails(images: list[bytes]) -> list[bytes]:
    return await asyncio.to_thread(workers.resize_all, images)


async def messages(inbox: queue.Queue) -> list:
    return await asyncio.to_thread(workers.drain, inbox)


async def flush() -> None:
    await asyncio.to_thread(workers.flush_later)
