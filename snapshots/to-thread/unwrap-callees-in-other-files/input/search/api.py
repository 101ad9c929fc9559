import asyncio
import json

from fastapi import APIRouter

from . import ranking
from .index import writer
from .index.writer import count_rows, flush, slow_flush, write_rows
from .util import pacing

router = APIRouter()


def pick_writer(kind):
    return write_rows if kind == "bulk" else count_rows


@router.post("/rows")
async def add_rows(rows: list[dict]):
    # write_rows takes a threading.Lock in another file: it must stay in its thread.
    written = await asyncio.to_thread(write_rows, rows)
    # Two calls deep: flush -> write_rows.
    await asyncio.to_thread(flush, rows)
    # Through a third module: slow_flush -> pacing.pause_between_batches -> time.sleep.
    await asyncio.to_thread(slow_flush, rows)
    await asyncio.to_thread(pacing.pause_between_batches)
    await asyncio.to_thread(writer.write_rows, rows)
    # A lock known by its name, set up elsewhere; then the same lock five calls deep.
    await asyncio.to_thread(ranking.rerank, rows)
    await asyncio.to_thread(ranking.prepare, rows)
    # Waits for a thread pool's work in another file.
    await asyncio.to_thread(pacing.fan_out, [])
    # The function is made at run time: what pick_writer returns is read (write_rows locks).
    await asyncio.to_thread(pick_writer("bulk"), rows)
    # Pure counting: unwrapped.
    total = await asyncio.to_thread(count_rows, rows)
    # Not a function of the project: unwrapped, and the message says it was not read.
    body = await asyncio.to_thread(json.dumps, rows)
    return {"written": written, "total": total, "bytes": len(body)}


class Indexer:
    def __init__(self, store):
        # Given at start-up: its class is not written here.
        self._store = store

    def _commit(self, rows):
        return self._store.commit(rows)

    async def commit(self, rows):
        # _commit calls a method of an object the check cannot follow: unsafe only.
        return await asyncio.to_thread(self._commit, rows)
