from kb.core.vectorstore import Milvus


class MilvusFactory:
    @staticmethod
    def init_vectorstore(collection_name: str, **kwargs) -> Milvus:
        return Milvus(collection_name=collection_name, **kwargs)
