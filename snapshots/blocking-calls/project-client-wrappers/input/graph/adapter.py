from graph.cache.get_cache_engine import get_cache_engine


class KuzuAdapter:
    def __init__(self, db_path: str) -> None:
        self.db_path = db_path
        self.redis_lock = get_cache_engine(lock_key="kuzu-lock-" + db_path)

    async def query(self, q: str) -> list:
        self.redis_lock.acquire_lock()  # waits up to blocking_timeout (300 s)
        try:
            return [q]
        finally:
            self.redis_lock.release_lock()
