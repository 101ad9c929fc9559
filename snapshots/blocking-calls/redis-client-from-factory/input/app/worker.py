import redis


def _local_client(host: str = "localhost") -> redis.StrictRedis:
    return redis.StrictRedis(host=host)


async def drain(key: str) -> list:
    client = _local_client()
    return client.lrange(key, 0, -1)
