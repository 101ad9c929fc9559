from __future__ import annotations

import hashlib
import threading

from app.store.engines.base import VersionedContentEngine

# One process-wide lock; open is a stat once the copy exists.
_open_working_copy_lock = threading.Lock()


class GitContentEngine(VersionedContentEngine):
    def __init__(self, root: str) -> None:
        self._root = root

    def open_working_copy(self, copy_id: str) -> str:
        with _open_working_copy_lock:
            return f"{self._root}/copies/{copy_id}"

    def compute_content_id(self, data: bytes) -> str:
        return hashlib.sha1(data).hexdigest()
