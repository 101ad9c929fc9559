import threading
from concurrent.futures import ThreadPoolExecutor

_RUNNER = ThreadPoolExecutor(max_workers=2)
_RUN_LOCK = threading.Lock()


class Tool:
    def __init__(self, func):
        self.func = func

    def __call__(self, *args, **kwargs):
        with _RUN_LOCK:  # one tool call at a time
            future = _RUNNER.submit(self.func, *args, **kwargs)
        return future.result()
