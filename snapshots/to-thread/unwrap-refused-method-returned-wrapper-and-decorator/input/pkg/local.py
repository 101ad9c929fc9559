import asyncio
import time


class Throttle:
    def pause(self) -> None:
        time.sleep(0.5)

    def limit(self, fn):
        def wrapper(*args):
            self.pause()
            return fn(*args)

        return wrapper


class Service:
    def __init__(self) -> None:
        self._throttle = Throttle()

    def _fetch(self, key: str) -> str:
        return key

    def fetch(self, key: str) -> str:
        return self._throttle.limit(self._fetch)(key)

    async def afetch(self, key: str) -> str:
        return await asyncio.to_thread(self.fetch, key)
