import threading

from pymilvus import connections


class Milvus:
    _orm_lock = threading.Lock()

    def __init__(self, embedding_function=None, collection_name: str = "", connection_args: dict | None = None, auto_id: bool = True) -> None:
        self.collection_name = collection_name
        self._conn_args = connection_args or {}
        self.alias = self._ensure_orm_connection()

    def _ensure_orm_connection(self) -> str:
        """Register (once) and return a stable ORM connection alias for this endpoint."""
        alias = f"orm::{self._conn_args.get('uri')}"
        with self._orm_lock:
            if not connections.has_connection(alias):
                connections.connect(alias=alias, **self._conn_args)
        return alias

    def drop(self) -> None:
        connections.get_connection(self.alias)
