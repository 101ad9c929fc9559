import os
from pathlib import Path

UPLOADS = Path("/srv/uploads")


async def link_upload(name: str, target: Path) -> dict:
    source = UPLOADS / name
    if source.is_symlink():
        source = source.resolve()
    info = source.lstat()
    target.symlink_to(source)
    source.chmod(0o640)
    return {"owner": source.owner(), "same": target.samefile(source), "size": info.st_size}


async def describe(path: Path) -> str:
    # Pure path work touches no disk: not reported.
    return f"{path.name}{path.suffix}:{path.with_suffix('.bak').as_posix()}:{os.sep}"
