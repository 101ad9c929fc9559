"""Debug replay sessions: one at a time, started and stopped from the API."""

import logging
import threading

logger = logging.getLogger(__name__)


class DebugReplayManager:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._runner: threading.Thread | None = None
        self.active = False

    def stop(self, frigate_config=None, config_publisher=None) -> None:
        """Stop the session: wait for the runner, then clear it under the lock."""
        with self._lock:
            if self._runner is not None:
                self._runner.join(timeout=5.0)
            self.active = False
        logger.info("replay stopped")


class ExportStats:
    """Counters only: stopping them touches nothing but memory."""

    def __init__(self) -> None:
        self.rows = 0

    def stop(self) -> None:
        self.rows = 0

    def snapshot(self) -> dict:
        return {"rows": self.rows}

    def flush(self, path: str) -> None:
        with open(path, "a", encoding="utf-8") as out:
            out.write(f"{self.rows}\n")
