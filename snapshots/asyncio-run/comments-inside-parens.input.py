import asyncio

from .clients import refresh


def sync_repo(repo):
    asyncio.run(  # refresh the mirror
        refresh(repo)
    )


def sync_repo_quietly(repo):
    asyncio.run(refresh(repo))
