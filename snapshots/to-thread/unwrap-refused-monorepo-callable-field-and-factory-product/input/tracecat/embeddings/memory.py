import asyncio

from tracecat.embeddings.factory import EmbedderFactory


class AsyncMemory:
    def __init__(self, config: dict) -> None:
        self.embedding_model = EmbedderFactory.create(config["provider"], config)

    async def add(self, entity_text: str) -> list[float]:
        entity_embedding = await asyncio.to_thread(self.embedding_model.embed, entity_text, "add")
        return entity_embedding
