from functools import lru_cache

import redis
from redis import Redis
from redis.asyncio import Redis as AsyncRedis

from app.settings import REDIS_URL


@lru_cache(maxsize=1)
def get_redis() -> Redis:
    return Redis.from_url(REDIS_URL, decode_responses=True)


def get_async_redis() -> AsyncRedis:
    return AsyncRedis.from_url(REDIS_URL)


def queue_client(db: int = 0):
    client = redis.Redis(
        host="localhost",
        port=6379,
        db=db,  # one database per queue
    )
    return client


def optional_client(url: str | None):
    # Not a client on every path: its callers are not judged by it.
    if url:
        return redis.from_url(url)
    return None


def pooled_clients():
    # A generator: what a call returns is not the client.
    client = redis.Redis()
    yield client
