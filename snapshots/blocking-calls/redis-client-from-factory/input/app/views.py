from app import clients
from app.clients import get_async_redis, get_redis, optional_client, pooled_clients


async def pending(key: str) -> int:
    conn = get_redis()
    return conn.llen(key)


async def pending_async(key: str) -> int:
    conn = get_async_redis()
    return await conn.llen(key)


async def enqueue(job: str) -> None:
    queue = clients.queue_client(db=2)
    queue.publish("jobs", job)


async def lock_for(key: str):
    # lock() builds the lock object; acquiring it is the round trip.
    return get_redis().lock(f"lock:{key}", timeout=30)


async def cached(key: str) -> str | None:
    return get_redis().get(key)


async def maybe_cached(url: str | None, key: str):
    conn = optional_client(url)
    return conn.get(key) if conn else None


async def first_pooled(key: str):
    for conn in pooled_clients():
        return conn
