import asyncio

from app.indexing import configure_content, configure_notion, slugify_all


async def indexer(user: str) -> bool:
    loop = asyncio.get_event_loop()
    return await loop.run_in_executor(None, configure_content, user)


async def notion_indexer(user: str) -> int:
    return await asyncio.to_thread(configure_notion, user)


async def slugs(names):
    # No query, no lock: unwrapped.
    return slugify_all(names)
