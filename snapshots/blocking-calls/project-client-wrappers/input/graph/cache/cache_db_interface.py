from abc import ABC, abstractmethod


class CacheDBInterface(ABC):
    @abstractmethod
    def acquire_lock(self):
        """Acquire the shared graph lock (sync)."""

    @abstractmethod
    def release_lock(self, lock=None):
        """Release it."""
