from loguru import logger

from kb.domain.knowledge_rag import KnowledgeRag


class KnowledgeService:
    @classmethod
    def delete_knowledge_file_in_vector(cls, collection_name: str) -> None:
        vector_client = KnowledgeRag.init_knowledge_milvus_vectorstore_sync(0, collection_name)
        logger.info(f"delete_vector col={collection_name}")
        vector_client.drop()
