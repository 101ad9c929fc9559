"""The knowledge store facade: one door for every reader and writer."""

from __future__ import annotations

import asyncio

from app.store.engines.base import VersionedContentEngine


class KnowledgeStore:
    """Versioned content for one workspace, and the verbs that change it."""

    def __init__(
        self,
        workspace_id: int | str,
        engine: VersionedContentEngine,
        *,
        committer: str | None = None,
    ) -> None:
        self._workspace_id = workspace_id
        self._engine = engine
        self._committer = committer

    async def open_working_copy(self, copy_id: str) -> str:
        """Private on-disk copy of the current content; reopens an existing one."""
        return await asyncio.to_thread(self._engine.open_working_copy, copy_id)

    async def content_id(self, data: bytes) -> str:
        return self._engine.compute_content_id(data)
