"""Owner tuples, written through the shared bridge."""
from __future__ import annotations

import logging

logger = logging.getLogger(__name__)


def _run_async_safe(coro, *, timeout: float = 10):
    """Compatibility wrapper around the shared sync-to-async bridge."""
    from flows.utils.async_utils import run_async_safe

    return run_async_safe(coro, timeout=timeout)


async def rebac_check(user_id: int, relation: str, target_id: str) -> bool:
    return relation == "can_edit" and bool(target_id)
