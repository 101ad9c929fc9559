import asyncio

from pkg.memory import Memory


class Flow:
    def __init__(self, memory: Memory | None = None):
        self.memory = memory

    def _drain_memory_writes(self) -> None:
        mem = self.memory
        if mem is None:
            return
        backing = getattr(mem, "_memory", None) or mem
        drain = getattr(backing, "drain_writes", None)
        if callable(drain):
            drain()

    async def finish(self):
        await asyncio.to_thread(self._drain_memory_writes)
        return "done"
