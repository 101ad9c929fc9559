from dataclasses import dataclass

from servers.rows import apool_rows, enabled_names, pool_rows


@dataclass(frozen=True)
class PoolEntry:
    name: str


def names_of(rows) -> list[str]:
    return [row.name for row in rows]


def runtime_servers(user_id: int | None = None) -> list[PoolEntry]:
    rows = pool_rows(user_id)
    selected = enabled_names(names_of(rows))
    return [PoolEntry(name=row.name) for row in rows if row.name in selected]


async def aruntime_servers(user_id: int | None = None) -> list[PoolEntry]:
    rows = await apool_rows(user_id)
    selected = enabled_names(names_of(rows))
    return [PoolEntry(name=row.name) for row in rows if row.name in selected]
