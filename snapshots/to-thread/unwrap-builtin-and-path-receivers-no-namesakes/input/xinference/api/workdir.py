import asyncio
import hashlib
from pathlib import Path


def compute_work_dir_state(work_dir: Path) -> str:
    root = work_dir.resolve()
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(str(path.relative_to(root)).encode())
    return digest.hexdigest()


def cluster_prefix(repo_root: Path, path: str) -> str:
    return str((repo_root / path).resolve())


async def snapshot(work_dir: Path) -> str:
    return await asyncio.to_thread(compute_work_dir_state, work_dir)


async def prefix(repo_root: Path) -> str:
    return await asyncio.to_thread(cluster_prefix, repo_root, "docker-compose.yml")
