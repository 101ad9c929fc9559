import asyncio
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, PrivateAttr
from vectordb import Shard

T = TypeVar("T")


class Summary(Generic[T]):
    def __init__(self, rows: list[T]) -> None:
        self.rows = rows

    def to_json(self) -> str:
        return str(len(self.rows))


class Report(BaseModel):
    _cached: dict[str, str] = PrivateAttr(default_factory=dict)

    def _lookup(self, key: str) -> str | None:
        return self._cached.get(key)

    def _tags(self, rows: list[str]) -> list[str]:
        seen: set[str] = set()
        for row in rows:
            seen.add(row.lower())
        return sorted(seen)

    def _summary(self) -> Summary[Any]:
        return Summary(list(self._cached))

    def _drop(self, path: str) -> None:
        shard = Shard.open(path)
        shard.flush()

    def kickoff(self) -> str:
        return "done"

    async def lookup(self, key: str) -> str | None:
        return await asyncio.to_thread(self._lookup, key)

    async def tags(self, rows: list[str]) -> list[str]:
        return await asyncio.to_thread(self._tags, rows)

    async def summary_json(self) -> str:
        return await asyncio.to_thread(self._summary().to_json)

    async def drop(self, path: str) -> None:
        await asyncio.to_thread(self._drop, path)

    async def kickoff_async(self) -> str:
        async def run() -> str:
            # the report's own kickoff, not the event log's
            return await asyncio.to_thread(self.kickoff)

        return await run()
