"""bisheng's stateful worker and gpt-researcher's cost callback (hazard-review-5 J15)."""

import asyncio
import threading
import time


class StatefulWorker:
    def __init__(self) -> None:
        self.async_lock = asyncio.Lock()
        self.thread_lock = threading.Lock()
        self.sync_timestamp = 0.0
        self.alive: list[str] = []

    async def update_alive_nodes(self):
        async with self.async_lock:
            self.sync_timestamp = time.time()

    def update_alive_nodes_sync(self):
        with self.thread_lock:
            self.sync_timestamp = time.time()

    def find_task_node_sync(self, hash_key: str):
        # The author meant the sync form beside it.
        self.update_alive_nodes()
        return self.alive[hash(hash_key) % len(self.alive)] if self.alive else None


class Researcher:
    def __init__(self, log_handler=None) -> None:
        self.log_handler = log_handler
        self.research_costs = 0.0

    async def _log_event(self, event_type: str, **kwargs) -> None:
        if self.log_handler:
            await self.log_handler.on_tool_start(event_type, **kwargs)

    def add_costs(self, cost: float) -> None:
        self.research_costs += cost
        if self.log_handler:
            self._log_event("research", step="cost_update", details={"cost": cost})

    async def get_context(self, compressor) -> str:
        return await compressor.async_get_context("q", cost_callback=self.add_costs)

    def report(self) -> None:
        # Neither: asyncio.run is offered where no loop runs.
        self._log_event("report", total=self.research_costs)
