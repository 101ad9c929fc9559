import asyncio
from concurrent.futures import ThreadPoolExecutor

_POOL = ThreadPoolExecutor(max_workers=4)


def run_in_pool(corofn, *args):
    def runner():
        return asyncio.run(corofn(*args))

    return _POOL.submit(runner).result()
