"""agno's external agents (hazard-review-7 Y4): events handed from a loop to a sync consumer."""

import asyncio
import queue
import threading
from typing import Any, Iterator


class BaseExternalAgent:
    def __init__(self) -> None:
        self._events: "queue.Queue[Any]" = queue.Queue(maxsize=0)
        self._acks = queue.Queue(maxsize=8)  # bounded: a slow consumer makes put() wait

    async def _arun_stream(self, input: Any) -> Any:
        for i in range(3):
            await asyncio.sleep(0)
            yield {"input": input, "i": i}

    def _run_stream(self, input: Any) -> Iterator[Any]:
        event_queue: queue.Queue = queue.Queue()
        sentinel = object()

        def _run_async():
            async def _produce():
                async for event in self._arun_stream(input):
                    event_queue.put(event)  # unbounded: never waits

            try:
                asyncio.run(_produce())
            finally:
                event_queue.put(sentinel)

        thread = threading.Thread(target=_run_async, daemon=True)
        thread.start()
        while (item := event_queue.get()) is not sentinel:
            yield item
        thread.join()

    async def publish(self, event: dict) -> None:
        self._events.put(event)
        self._acks.put(event["id"])

    async def bounded(self, events: list) -> None:
        q: queue.Queue = queue.Queue(maxsize=1)
        for e in events:
            q.put(e)
