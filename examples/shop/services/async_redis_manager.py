"""Task status kept in Redis (asyncio client): the async twin of redis_manager."""
import json

import redis.asyncio as redis
from django.conf import settings

_client = redis.Redis.from_url(settings.REDIS_URL)


async def get_task_status(correlation_id):
    raw = await _client.get(f"task:{correlation_id}")
    return json.loads(raw) if raw else None


async def set_task_status(correlation_id, status):
    await _client.set(f"task:{correlation_id}", json.dumps(status), ex=3600)
