"""Task status kept in Redis (blocking client)."""
import json

import redis
from django.conf import settings

_client = redis.Redis.from_url(settings.REDIS_URL)


def get_task_status(correlation_id):
    raw = _client.get(f"task:{correlation_id}")
    return json.loads(raw) if raw else None


def set_task_status(correlation_id, status):
    _client.set(f"task:{correlation_id}", json.dumps(status), ex=3600)
