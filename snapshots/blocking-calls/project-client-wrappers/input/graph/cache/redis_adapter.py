import redis

from graph.cache.cache_db_interface import CacheDBInterface


class RedisAdapter(CacheDBInterface):
    def __init__(self, host: str, port: int, lock_name: str, timeout: int = 240, blocking_timeout: int = 300):
        self.sync_redis = redis.Redis(host=host, port=port)
        self.lock_key = lock_name
        self.timeout = timeout
        self.blocking_timeout = blocking_timeout
        self.lock = None

    def acquire_lock(self):
        self.lock = self.sync_redis.lock(name=self.lock_key, timeout=self.timeout, blocking_timeout=self.blocking_timeout)
        acquired = self.lock.acquire()
        if not acquired:
            raise RuntimeError(f"Could not acquire Redis lock: {self.lock_key}")
        return self.lock

    def release_lock(self, lock=None):
        (lock or self.lock).release()
