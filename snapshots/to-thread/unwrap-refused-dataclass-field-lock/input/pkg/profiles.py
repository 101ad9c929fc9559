import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from threading import Lock as LockType


@dataclass
class LocalBrowserProfile:
    path: Path
    _lock_fd: int | None = None
    _state_lock: LockType = field(default_factory=threading.Lock, repr=False)
    _cleanup_started: bool = field(default=False, repr=False)

    def _begin_cleanup(self) -> bool:
        with self._state_lock:
            if self._cleanup_started:
                return False
            self._cleanup_started = True
            return True


def cleanup_local_browser_profile(profile: LocalBrowserProfile | str | Path) -> bool:
    managed = profile if isinstance(profile, LocalBrowserProfile) else None
    path = managed.path if managed is not None else Path(profile)
    if managed is not None and not managed._begin_cleanup():
        return not path.exists()
    shutil.rmtree(path, ignore_errors=True)
    return not path.exists()


@dataclass
class ProfileStats:
    hits: int = 0
    names: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"{self.hits} hits, {len(self.names)} names"
