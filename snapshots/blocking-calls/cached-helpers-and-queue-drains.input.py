"""Cache engines and the chat client's stream queue (cognee's and bisheng's shapes)."""
import functools
import os
from functools import lru_cache
from queue import Queue

from cachetools import TTLCache, cached


def _resolve_cache_db_url(db_path: str) -> str:
    os.makedirs(db_path, exist_ok=True)
    return f"sqlite+aiosqlite:///{db_path}/cache.db"


@lru_cache
def create_cache_engine(db_path: str, lock_key: str = "default_lock"):
    return {"url": _resolve_cache_db_url(db_path), "lock_key": lock_key}


@functools.lru_cache(maxsize=8)  # one engine per folder
def create_vector_engine(db_path: str):
    return {"url": _resolve_cache_db_url(db_path)}


@cached(cache=TTLCache(maxsize=4, ttl=600))
def load_settings(path: str) -> str:
    with open(path, encoding="utf-8") as f:
        return f.read()


_audit_logger = None


def _get_audit_logger():
    global _audit_logger
    if _audit_logger is not None:
        return _audit_logger
    _resolve_cache_db_url("/var/log/audit")  # the folder is made on the first call only
    _audit_logger = object()
    return _audit_logger


def record_audit(entry: str) -> None:
    print(_get_audit_logger(), entry)


def get_cache_engine(lock_key: str = "default_lock"):
    return create_cache_engine(os.environ.get("CACHE_DB_PATH", "/tmp/cognee"), lock_key=lock_key)


def make_scratch_folder(name: str) -> str:
    return _resolve_cache_db_url(f"/tmp/scratch/{name}")


async def forget(dataset: str) -> None:
    cache_engine = get_cache_engine()  # the folder is made once per key
    record_audit(f"forget {dataset}")
    vectors = create_vector_engine("/tmp/vectors")
    print(cache_engine["url"], vectors["url"], load_settings("settings.toml"), dataset)


async def prepare(name: str) -> str:
    return make_scratch_folder(name)  # made at every call: blocks


class ChatClient:
    def __init__(self) -> None:
        self.stream_queue = Queue()
        self.replies: Queue = Queue(maxsize=1)

    async def clear_stream_queue(self) -> None:
        while not self.stream_queue.empty():
            self.stream_queue.get()

    async def collect_reasoning(self) -> str:
        réflexion = ""
        while self.stream_queue.qsize() > 0:
            msg = self.stream_queue.get()
            if msg.get("type") == "reasoning":
                réflexion += msg.get("content")
        return réflexion

    async def forward(self) -> None:
        while not self.stream_queue.empty():
            self.replies.put(self.stream_queue.get())  # put() waits while replies is full

    async def next_message(self) -> dict:
        return self.stream_queue.get()  # waits for the producer thread
