import redis
from redis import ConnectionPool, RedisCluster
from redis.asyncio import Redis as AsyncRedis
from redis.sentinel import Sentinel


class RedisClient:
    def __init__(self, redis_url, max_connections=100):
        if isinstance(redis_url, dict):
            conf = dict(redis_url)
            if conf.pop("mode", "sentinel") == "cluster":
                self.connection = RedisCluster.from_url(conf["url"])
                self.async_connection = AsyncRedis.from_url(conf["url"])
                return
            sentinel = Sentinel(conf["sentinel_hosts"])
            self.connection = sentinel.master_for(conf["sentinel_master"])
        else:
            self.pool = ConnectionPool.from_url(redis_url, max_connections=max_connections)
            self.connection = redis.StrictRedis(connection_pool=self.pool)
        self.async_connection = AsyncRedis.from_url(redis_url if isinstance(redis_url, str) else "redis://")

    def rpush(self, key, value, expiration=3600):
        ret = self.connection.rpush(key, value)
        if expiration:
            self.connection.expire(key, expiration)
        return ret

    def publish(self, key, value):
        return self.connection.publish(key, value)

    async def arpush(self, key, value):
        return await self.async_connection.rpush(key, value)


_client = RedisClient("redis://localhost:6379/0")


def get_redis_client_sync() -> RedisClient:
    """Synchronous fetch of the Redis client instance"""
    return _client
