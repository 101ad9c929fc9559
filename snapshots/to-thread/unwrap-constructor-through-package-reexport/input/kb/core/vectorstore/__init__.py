from kb.core.vectorstore.milvus import Milvus

__all__ = ["Milvus"]
