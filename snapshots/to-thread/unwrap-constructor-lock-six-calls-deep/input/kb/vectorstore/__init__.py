from kb.vectorstore.milvus import Milvus

__all__ = ["Milvus"]
