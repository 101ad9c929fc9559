import asyncio

from .clients import refresh
from .compat import run_blocking as async_to_sync


def sync_repo(repo):
    asyncio.run(refresh(repo))
