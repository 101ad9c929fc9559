import threading
import time


class RPMController:
    def __init__(self, max_rpm):
        self.max_rpm = max_rpm
        self._lock = threading.Lock()
        self._count = 0

    def check_or_wait(self):
        with self._lock:
            if self._count < self.max_rpm:
                self._count += 1
                return True
        time.sleep(60)
        return True
