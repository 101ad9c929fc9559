"""Voice-bot memory (pipecat's mem0 service): a platform client and a local Memory."""

import asyncio

from mem0 import Memory, MemoryClient


class MemoryService:
    def __init__(self, api_key: str, config: dict):
        self.memory_client = MemoryClient(api_key=api_key)
        # The local Memory keeps its history in SQLite behind a threading.Lock.
        self.local = Memory.from_config(config)

    async def store(self, messages, user_id):
        self.memory_client.add(
            # the platform's HTTP API
            messages,
            user_id=user_id,
        )

    async def recall(self, query, user_id):
        return await asyncio.to_thread(self.local.search, query, user_id=user_id)
