import redis


class Cache:
    def __init__(self) -> None:
        self.client = redis.Redis(host="localhost", port=6379)

    def remember(self, key: str, value: str) -> None:
        self.client.setex(key, 3600, value)

    def key_for(self, analysis_id: str) -> str:
        return f"analysis:{analysis_id}"
