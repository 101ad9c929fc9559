import asyncio

from app.indexing_pipeline.document_embedder import chunk_count, embed_texts


async def embed_with_cache(texts: list[str]) -> list[list[float]]:
    return await asyncio.to_thread(embed_texts, texts)


async def count_chunks(texts: list[str]) -> int:
    return await asyncio.to_thread(chunk_count, texts)
