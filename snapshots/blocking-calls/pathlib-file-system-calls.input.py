# airweave storage backend before be298882c / 10c4d7d09 (hazard-review-7 Y11): pathlib file-system
# calls in async def, which its humans moved to asyncio.to_thread.
import asyncio
import os
import shutil
from pathlib import Path
from typing import List


class FilesystemBackend:
    def __init__(self, base_path: Path) -> None:
        self.base_path = base_path

    def _resolve(self, path: str) -> Path:
        return self.base_path / path

    async def write_file(self, path: str, content: bytes) -> None:
        full_path = self._resolve(path)
        full_path.parent.mkdir(parents=True, exist_ok=True)
        with open(full_path, "wb") as f:
            f.write(content)

    async def delete(self, path: str) -> bool:
        full_path = self._resolve(path)
        if not full_path.exists():
            return False
        if full_path.is_dir():
            shutil.rmtree(full_path)
        else:
            full_path.unlink()
        return True

    async def list_files(self, prefix: str = "") -> List[str]:
        base = self._resolve(prefix) if prefix else self.base_path
        files = []
        for item in base.rglob("*"):
            if item.is_file():
                files.append(str(item.relative_to(self.base_path)).replace(os.sep, "/"))
        return sorted(files)

    async def list_dirs(self, prefix: str = "") -> List[str]:
        base = self._resolve(prefix) if prefix else self.base_path
        return sorted(str(item.relative_to(self.base_path)) for item in base.iterdir() if item.is_dir())

    async def file_size(self, path: str) -> int:
        # Already in a thread: nothing to report.
        full_path = self._resolve(path)
        stat = await asyncio.to_thread(full_path.stat)
        return stat.st_size

    async def describe(self, name: str) -> str:
        # A string's methods share names with Path's: not a Path, not reported.
        label = name.strip()
        return label.replace("/", "-")
