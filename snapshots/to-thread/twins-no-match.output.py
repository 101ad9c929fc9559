import asyncio

from shop.services.cache import redis_manager
from shop.services.search import search_client


async def lookup(query):
    hits = await asyncio.to_thread(search_client.query, query, limit=10)
    status = await asyncio.to_thread(redis_manager.get_task_status, query)
    return hits, status
