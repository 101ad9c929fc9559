import httpx
from redis import Redis


def make_store(hook_url: str | None) -> dict:
    store: dict = {"kind": "memory"}
    if hook_url:
        store["client"] = httpx.Client(base_url=hook_url)
    return store


def get_redis() -> Redis:
    return Redis.from_url("redis://localhost:6379/0")
