from kb.rag.milvus_factory import MilvusFactory


class KnowledgeRag:
    @classmethod
    def init_milvus_vectorstore(cls, collection_name: str, **kwargs):
        return MilvusFactory.init_vectorstore(collection_name, **kwargs)

    @classmethod
    def init_knowledge_milvus_vectorstore_sync(cls, name: str):
        return cls.init_milvus_vectorstore(name)
