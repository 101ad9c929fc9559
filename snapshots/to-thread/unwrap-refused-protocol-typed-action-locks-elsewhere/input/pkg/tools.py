import threading


class BaseTool:
    def __init__(self):
        self._usage_lock = threading.Lock()
        self.uses = 0

    def run(self, **kwargs):
        with self._usage_lock:
            self.uses += 1
        return kwargs
