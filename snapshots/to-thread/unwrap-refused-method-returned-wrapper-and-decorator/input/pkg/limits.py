import time


class RateLimiter:
    def __init__(self, per_second: float) -> None:
        self._interval = 1 / per_second

    def wait_until_ready(self) -> None:
        time.sleep(self._interval)

    def limit(self, fn):
        def wrapper(*args, **kwargs):
            self.wait_until_ready()
            return fn(*args, **kwargs)

        return wrapper


class Passthrough:
    def limit(self, fn):
        def wrapper(*args, **kwargs):
            return fn(*args, **kwargs)

        return wrapper


shared = RateLimiter(per_second=5)
