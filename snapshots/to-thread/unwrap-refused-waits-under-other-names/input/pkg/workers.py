import queue
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Callable

_sleep = time.sleep  # tests patch this
_POOL = ThreadPoolExecutor(max_workers=4)


def wait_until_ready(checks: int = 3) -> None:
    for _ in range(checks):
        _sleep(0.5)


def poll(ready: Callable[[], bool], pause: Callable[[float], None] = time.sleep) -> bool:
    while not ready():
        pause(0.5)
    return True


def resize(image: bytes) -> bytes:
    return image[:1024]


def resize_one(image: bytes) -> bytes:
    return _POOL.submit(resize, image).result()


def resize_all(images: list[bytes]) -> list[bytes]:
    return list(_POOL.map(resize, images))


def drain(inbox: queue.Queue) -> list:
    return list(iter(inbox.get, None))  # until the sentinel


def flush_later() -> None:
    timer = threading.Timer(2.0, print, args=("flushed",))
    timer.start()
    timer.join()
