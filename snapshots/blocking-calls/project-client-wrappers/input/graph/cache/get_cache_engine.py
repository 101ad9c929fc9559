from typing import Optional

from graph.cache.cache_db_interface import CacheDBInterface
from graph.cache.redis_adapter import RedisAdapter


def get_cache_engine(lock_key: str = "default_lock") -> Optional[CacheDBInterface]:
    """One adapter per lock key (the graph database's file lock is shared across workers)."""
    return RedisAdapter(host="localhost", port=6379, lock_name=lock_key)
