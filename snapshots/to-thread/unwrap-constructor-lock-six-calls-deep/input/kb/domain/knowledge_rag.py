from kb.rag.milvus_factory import MilvusFactory
from kb.vectorstore import Milvus


class KnowledgeRag:
    @classmethod
    def init_knowledge_milvus_vectorstore_sync(cls, invoke_user_id: int, collection_name: str, embeddings=None) -> Milvus:
        return cls.init_milvus_vectorstore(collection_name, embeddings)

    @classmethod
    def init_milvus_vectorstore(cls, collection_name: str, embeddings) -> Milvus:
        return MilvusFactory.init_vectorstore(collection_name, embeddings)
