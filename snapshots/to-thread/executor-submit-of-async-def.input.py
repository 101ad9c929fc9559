import asyncio
import concurrent.futures
from concurrent.futures import ThreadPoolExecutor

_pool = ThreadPoolExecutor(max_workers=4)


async def refresh_index(name: str) -> int:
    await asyncio.sleep(0)
    return len(name)


def refresh_index_sync(name: str) -> int:
    return len(name)


class AsyncMemory:
    def __init__(self, vector_store, graph=None):
        self.vector_store = vector_store
        self.graph = graph
        self._executor = ThreadPoolExecutor(max_workers=2)

    async def get_all(self, filters: dict, limit: int = 100):
        with concurrent.futures.ThreadPoolExecutor() as executor:
            future_memories = executor.submit(
                self._get_all_from_vector_store,  # the async one, by mistake
                filters,
                limit,
            )
            future_graph = executor.submit(self.graph.get_all, filters, limit)
        return future_memories.result(), future_graph.result()

    async def search(self, query: str):
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._search_vectors, query)

    async def _get_all_from_vector_store(self, filters, limit):
        return [filters, limit]

    async def _search_vectors(self, query):
        return [query]


def nightly_refresh(names: list) -> list:
    futures = [_pool.submit(refresh_index, name) for name in names]
    plain = [_pool.submit(refresh_index_sync, name) for name in names]
    return [f.result() for f in futures + plain]
