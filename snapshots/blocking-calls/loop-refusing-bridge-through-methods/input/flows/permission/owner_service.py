"""Owner tuples, written through the shared bridge."""
from __future__ import annotations

import logging

logger = logging.getLogger(__name__)


def _run_async_safe(coro, *, timeout: float = 10):
    """Compatibility wrapper around the shared sync-to-async bridge."""
    from flows.utils.async_utils import run_async_safe

    return run_async_safe(coro, timeout=timeout)


class OwnerService:
    @classmethod
    async def write_owner_tuple(cls, user_id: int, object_type: str, object_id: str) -> None:
        return None

    @classmethod
    def write_owner_tuple_sync(cls, user_id: int, object_type: str, object_id: str) -> None:
        """Sync wrapper for write_owner_tuple. Safe to call from a threadpool."""
        try:
            _run_async_safe(cls.write_owner_tuple(user_id, object_type, object_id))
        except Exception as e:
            logger.warning("Failed to write owner tuple (sync) for %s:%s: %s", object_type, object_id, e)


async def rebac_check(user_id: int, relation: str, target_id: str) -> bool:
    return relation == "can_edit" and bool(target_id)
