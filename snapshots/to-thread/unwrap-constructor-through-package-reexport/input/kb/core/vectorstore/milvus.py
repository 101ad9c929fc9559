import threading

from langchain_milvus import Milvus as _LangchainMilvus


class Milvus(_LangchainMilvus):
    _orm_lock = threading.Lock()

    def __init__(self, *args, connection_args=None, **kwargs):
        with self._orm_lock:
            pass
