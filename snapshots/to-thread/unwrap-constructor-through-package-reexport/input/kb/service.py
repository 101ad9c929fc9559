import asyncio

from kb.rag.knowledge_rag import KnowledgeRag


class KnowledgeService:
    @classmethod
    def delete_knowledge_file_in_vector(cls, name: str) -> None:
        vector_client = KnowledgeRag.init_knowledge_milvus_vectorstore_sync(name)
        vector_client.col.drop()


async def delete_space(name: str) -> None:
    await asyncio.to_thread(KnowledgeService.delete_knowledge_file_in_vector, name)
