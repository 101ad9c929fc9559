"""Run cancellation management."""

from typing import Dict

from pkg.run.cancellation_management.base import BaseRunCancellationManager
from pkg.run.cancellation_management.in_memory_cancellation_manager import (
    InMemoryRunCancellationManager,
)

# Global cancellation manager instance
_cancellation_manager: BaseRunCancellationManager = InMemoryRunCancellationManager()


def set_cancellation_manager(manager: BaseRunCancellationManager) -> None:
    """Set a custom cancellation manager (the Redis one for several workers)."""
    global _cancellation_manager
    _cancellation_manager = manager


def raise_if_cancelled(run_id: str) -> None:
    """Check if a run should be cancelled and raise exception if so."""
    _cancellation_manager.raise_if_cancelled(run_id)


async def araise_if_cancelled(run_id: str) -> None:
    """Check if a run should be cancelled and raise exception if so (async version)."""
    await _cancellation_manager.araise_if_cancelled(run_id)


def get_active_runs() -> Dict[str, bool]:
    return _cancellation_manager.get_active_runs()
