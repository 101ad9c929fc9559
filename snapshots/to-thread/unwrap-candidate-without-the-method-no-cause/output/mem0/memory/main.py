from mem0.vector_stores.pinecone import PineconeDB


class AsyncMemory:
    def __init__(self, index) -> None:
        self.entity_store = PineconeDB(index)

    async def list_entities(self, filters: dict):
        return self.entity_store.list(filters=filters, top_k=10000)
