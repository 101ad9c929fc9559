from concurrent.futures import ThreadPoolExecutor, wait


class FanOut:
    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=8)

    def run(self, payload: dict) -> dict:
        futures = [self._pool.submit(dict, payload) for _ in range(3)]
        wait(futures)
        return payload
