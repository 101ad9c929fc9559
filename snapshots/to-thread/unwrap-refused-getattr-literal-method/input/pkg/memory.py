import threading
from concurrent.futures import ThreadPoolExecutor


class Memory:
    def __init__(self):
        self._pending_lock = threading.Lock()
        self._pending_saves = []
        self._save_pool = ThreadPoolExecutor(max_workers=1)

    def remember(self, text):
        future = self._save_pool.submit(print, text)
        with self._pending_lock:
            self._pending_saves.append(future)

    def drain_writes(self):
        """Block until all pending background saves have completed."""
        with self._pending_lock:
            pending = list(self._pending_saves)
        for future in pending:
            if future.cancelled():
                continue
            future.exception()  # blocks until done
