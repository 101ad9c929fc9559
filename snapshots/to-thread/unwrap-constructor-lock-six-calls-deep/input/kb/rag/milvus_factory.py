from kb.vectorstore import Milvus


class MilvusFactory:
    @staticmethod
    def init_vectorstore(collection_name: str, embedding_function, **kwargs) -> Milvus:
        connection_args = {"uri": "http://milvus:19530"}
        return Milvus(
            embedding_function=embedding_function,
            collection_name=collection_name,
            connection_args=connection_args,
            auto_id=True,
        )
