from __future__ import annotations

import asyncio
from typing import Any

from strands_mem0.client import Mem0ServiceClient


class Mem0MemoryStore:
    def __init__(self, config: dict[str, Any] | None = None) -> None:
        self._config = config
        self._client: Mem0ServiceClient | None = None
        self.scope = {"user_id": "u1"}

    @property
    def client(self) -> Mem0ServiceClient:
        """Built lazily, inside the worker thread (construction blocks)."""
        if self._client is None:
            self._client = Mem0ServiceClient(config=self._config)
        return self._client

    async def add(self, content: str) -> Any:
        return await asyncio.to_thread(lambda: self.client.store_memory(content, self.scope))
