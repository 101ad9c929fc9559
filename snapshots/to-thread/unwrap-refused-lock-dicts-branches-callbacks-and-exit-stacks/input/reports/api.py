import asyncio

from reports import jobs


async def save(key: str, row: dict) -> None:
    await asyncio.to_thread(jobs.save_shared, key, row)


async def save_batch(rows: dict) -> None:
    await asyncio.to_thread(jobs.save_batch, rows)


async def save_named(key: str, row: dict) -> None:
    await asyncio.to_thread(jobs.save_named, key, row)


async def ranked(rows: list) -> list:
    return await asyncio.to_thread(jobs.ranked, rows)


async def ranks(rows: list) -> list:
    return await asyncio.to_thread(jobs.ranks, rows)


async def best(rows: list) -> dict:
    return await asyncio.to_thread(jobs.ranked_by_lambda, rows)


async def ranked_by_helper(rows: list) -> list:
    return await asyncio.to_thread(jobs.ranked_by_helper, rows)


async def export_pdf() -> str:
    return await asyncio.to_thread(jobs.export_pdf)


async def tenant_write(tenant: str, payload: bytes) -> int:
    return await asyncio.to_thread(jobs.tenant_write, tenant, payload)


async def tenant_write_through(tenant: str, payload: bytes) -> int:
    return await asyncio.to_thread(jobs.tenant_write_through, tenant, payload)


async def guarded_write(guard, payload: bytes) -> int:
    return await asyncio.to_thread(jobs.guarded_write, guard, payload)


async def titles(rows: list) -> list:
    return await asyncio.to_thread(jobs.titles, rows)


async def lowered(names: list) -> list:
    return await asyncio.to_thread(jobs.lowered, names)


async def start_flush(rows: list) -> str:
    return await asyncio.to_thread(jobs.start_flush, rows)


async def first_ranked(rows: list) -> tuple:
    return await asyncio.to_thread(jobs.first_ranked, rows)
