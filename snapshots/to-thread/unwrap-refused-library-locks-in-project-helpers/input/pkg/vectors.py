from pymilvus import MilvusClient

# A local file: milvus-lite's server runs in this process.
client = MilvusClient("./vectors.db")


def drop_vectors(name: str) -> None:
    client.drop_collection(collection_name=name)
