import asyncio

from pkg.db import close_pool
from pkg.state import save_state
from pkg.vectors import drop_vectors


async def persist(path: str, state: dict) -> None:
    await asyncio.to_thread(save_state, path, state)


async def on_shutdown() -> None:
    await asyncio.to_thread(close_pool)


async def forget(name: str) -> None:
    await asyncio.to_thread(drop_vectors, name)
