import asyncio

from pkg.services import mp_guarded, refresh_token, render_name, write_report
from pkg.sync_utils import Counter

counter = Counter()


async def a1(user_id: int) -> str:
    return await asyncio.to_thread(refresh_token, user_id)


async def a2(key: str, body: str) -> None:
    await asyncio.to_thread(write_report, key, body)


async def a3() -> int:
    return await asyncio.to_thread(counter.bump)


async def a4() -> int:
    return await asyncio.to_thread(counter.bump_manual)


async def a5(n: int) -> None:
    await asyncio.to_thread(counter.wait_for, n)


async def a6() -> None:
    await asyncio.to_thread(mp_guarded)


async def a7(user_id: int) -> str:
    return await asyncio.to_thread(render_name, user_id)
