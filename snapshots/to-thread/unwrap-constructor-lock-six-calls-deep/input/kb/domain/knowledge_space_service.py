import asyncio

from kb.domain.knowledge_service import KnowledgeService


class KnowledgeSpaceService:
    async def clear_space(self, collection_name: str) -> None:
        # Cleaned vector + ES data
        await asyncio.to_thread(KnowledgeService.delete_knowledge_file_in_vector, collection_name)

    async def delete_space(self, collection_name: str) -> None:
        # Cleaned vectorData in
        await asyncio.to_thread(
            KnowledgeService.delete_knowledge_file_in_vector,  # drops the Milvus collection
            collection_name,
        )
