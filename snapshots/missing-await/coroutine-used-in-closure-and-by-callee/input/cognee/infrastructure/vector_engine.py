from typing import Any


class VectorEngine:
    async def create_data_points(self, collection: str, points: list) -> None:
        return None

    async def embed_data(self, texts: list[str]) -> list[list[float]]:
        return [[0.0] for _ in texts]

    async def search(self, collection: str, query_vector: list[float], limit: int = 5) -> list:
        return []


_engine = VectorEngine()


async def get_vector_engine() -> VectorEngine:
    return _engine


async def load_centroids(vector_engine, collection: str, labels: list[str]) -> dict:
    """Embeds each label once; the engine's methods are awaited here."""
    vectors = await vector_engine.embed_data(labels)
    return dict(zip(labels, vectors))


async def run_later(job: Any) -> None:
    # Takes the coroutine itself and awaits it: no value wanted.
    await job
