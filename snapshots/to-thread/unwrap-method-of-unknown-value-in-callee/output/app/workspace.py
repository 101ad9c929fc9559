from pathlib import Path

from app.services.moves import sync_get_database_connection


class WorkspaceBackend:
    def __init__(self, file_dir: str) -> None:
        self.file_dir = file_dir

    def _cache_path(self, rel_path: str) -> Path:
        return Path(self.file_dir) / rel_path

    def _cache_read(self, rel_path: str) -> bytes | None:
        # `cp` is a pathlib.Path (the return annotation says so): not a project `exists`.
        cp = self._cache_path(rel_path)
        if cp.exists() and cp.is_file():
            return cp.read_bytes()
        return None

    async def read(self, rel_path: str) -> bytes | None:
        return self._cache_read(rel_path)


def _count_rows() -> int:
    db_manager = sync_get_database_connection()
    return len(db_manager.create_session())


async def count_rows() -> int:
    return _count_rows()
