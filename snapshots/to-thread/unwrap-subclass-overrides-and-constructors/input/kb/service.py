import asyncio

from kb.milvus import Milvus


class KnowledgeService:
    @classmethod
    def delete_file_in_vector(cls, collection_name: str) -> None:
        vector_client = Milvus(collection_name, connection_args={"uri": "http://milvus:19530"})
        print(vector_client.alias)

    @classmethod
    async def delete_space(cls, collection_name: str) -> None:
        await asyncio.to_thread(cls.delete_file_in_vector, collection_name)
