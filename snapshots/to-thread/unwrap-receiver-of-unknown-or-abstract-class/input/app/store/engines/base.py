from __future__ import annotations

from abc import ABC, abstractmethod


class VersionedContentEngine(ABC):
    """What a workspace's content store must do; the git engine is the one in use."""

    @abstractmethod
    def open_working_copy(self, copy_id: str) -> str:
        """Private on-disk copy of the current content."""

    @abstractmethod
    def compute_content_id(self, data: bytes) -> str:
        raise NotImplementedError
