import asyncio
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pkg.storage.protocols import BlobStore


async def upload(store: "BlobStore", key: str, data: bytes) -> None:
    # the store may block on disk
    await asyncio.to_thread(store.put, key, data)
