import asyncio

from cognee.infrastructure.vector_engine import (
    get_vector_engine,
    load_centroids,
    run_later,
)


async def _get_closest_match_1(node: str, vector_engine, similarity_threshold: float):
    query_vector = (await vector_engine.embed_data([node]))[0]
    results = await vector_engine.search("nodes", query_vector, limit=1)
    return results[0] if results else None


def _describe(engine) -> str:
    return f"{type(engine).__name__}"


async def cache_and_replace_nodes(nodes: list[str], similarity_threshold: float = 1.0) -> None:
    vector_engine = get_vector_engine()
    await asyncio.gather(
        *[
            _get_closest_match_1(node, vector_engine, similarity_threshold)  # one per node
            for node in nodes
        ]
    )


async def truth_centroid_slots(labels: list[str]) -> dict:
    vector_engine = get_vector_engine()
    return await load_centroids(vector_engine, "truth_slots", labels)


async def described_engine() -> str:
    # _describe reads no attribute of its parameter: nothing certain, left alone.
    engine = get_vector_engine()
    label = _describe(engine)
    await run_later(engine)
    return label
